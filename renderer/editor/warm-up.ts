/**
 * Opening the first post of a session ran the Markdown parser and the import for the first time:
 * JavaScript not yet compiled by the engine, about twice as slow as on the next post. Once the
 * editor chunk has loaded, small samples of every common construct go through the same import and
 * export in a headless editor, so the writer's first open runs warm. Nothing of it is kept or shown.
 *
 * It runs in idle time, a sample or two per idle period while the period lasts, so a writer typing
 * in the library's search meanwhile is never held up by more than one small sample.
 */
import { createDocumentEditor, $exportMarkdown, $importMarkdown } from '../../shared/document';
import { StagedImport } from '../../shared/document/convert/staged-import';
import { afterPause, inIdleSteps } from '../app/idle';

const PARAGRAPH =
  'The harbour master rang the *noon* bell, and the **ferry** left on time. Notes are in ' +
  '[the log](https://example.org/log "Harbour log") with `code`, ~~struck~~ words and an ' +
  '![anchor](/img/anchor.png) image; a line ends here  \nand goes on.';

/** Small documents, one or two constructs each; together every common one. */
export const WARM_UP_SAMPLES = [
  `# Harbour notes\n\n${PARAGRAPH}\n`,
  '## Tides\n\nSecond heading\n--------------\n',
  '* gulls on the pier\n* the tide *comes* in\n    1. first\n    2. second\n',
  '- [ ] check the lamps\n- [x] log the weather\n',
  '> A quote with **strong** words.\n>\n> Second paragraph.\n',
  '```js\nconst tide = 2;\nlog(tide);\n```\n',
  '| Hour | Boat |\n|------|:----:|\n| 7:00 | Ada  |\n| 9:30 | Bea  |\n',
  '<div class="note">Raw HTML</div>\n\n{{< figure src="/img/boat.jpg" >}}\n\n***\n',
];
const ROUNDS = 3;

/**
 * Every sample, over and over, past the length from which a post opens in parts (StagedImport): the
 * parts of a long post go through code of their own.
 */
export const LONG_SAMPLE = Array.from({ length: 12 }, () => WARM_UP_SAMPLES.join('\n')).join('\n');

/** How long one step of the long sample's staged import may build blocks (as a post's rest does). */
const PART_BUDGET_MS = 4;

/**
 * The warm-up as steps, one sample each, then the long sample opened in parts, one part a step
 * (the whole long sample in one step held the page ~40 ms, right when a writer who had just
 * opened a post might type); `step` returns false once all are done.
 */
export function warmUpSteps(): { step(): boolean } {
  const editor = createDocumentEditor();
  const samples = WARM_UP_SAMPLES.length * ROUNDS;
  let next = 0;
  let staged: StagedImport | null = null;
  return {
    step() {
      if (next < samples) {
        const sample = WARM_UP_SAMPLES[next % WARM_UP_SAMPLES.length]!;
        editor.update(() => $importMarkdown(sample), { discrete: true });
        editor.read(() => $exportMarkdown());
        next += 1;
        return true;
      }
      if (next > samples) return false;
      if (staged === null) {
        staged = StagedImport.plan(LONG_SAMPLE);
        if (staged === null) throw new Error('The long warm-up sample must open in parts');
        const first = staged;
        editor.update(() => first.$importFirst(), { discrete: true });
        return true;
      }
      const rest = staged;
      editor.update(() => void rest.$importMore(PART_BUDGET_MS), { discrete: true });
      if (!rest.done) return true;
      editor.read(() => $exportMarkdown());
      next += 1;
      return false;
    },
  };
}

/**
 * Characters of each piece the tempering imports. It runs right after the first open, while the
 * writer may type: a 2 KB piece (the size StagedImport parses a post's rest in) held the page up
 * to 42 ms there, with micromark's code still cold; a quarter of that keeps each step short.
 */
const TEMPER_PIECE = 500;
/** How many pieces: ~160 KB in all. */
const TEMPER_PIECES = 320;

/**
 * Code the engine has compiled is not yet fast: it optimizes the parser's hot functions once they have
 * run a great deal. A 2 KB piece of a post took ~10 ms to parse after the warm-up's ~20 KB, ~3 ms
 * after 200 KB (measured in Node, the same engine). So pieces of the long sample go through the
 * parser and the import in idle moments, `TEMPER_PIECES` in all.
 */
export function temperingSteps(): { step(): boolean } {
  const editor = createDocumentEditor();
  let next = 0;
  return {
    step() {
      if (next >= TEMPER_PIECES) return false;
      const start = (next * TEMPER_PIECE) % (LONG_SAMPLE.length - TEMPER_PIECE);
      const piece = LONG_SAMPLE.slice(start, start + TEMPER_PIECE);
      editor.update(() => $importMarkdown(piece), { discrete: true });
      next += 1;
      return next < TEMPER_PIECES;
    },
  };
}

/**
 * Runs the warm-up in idle periods (in timer turns where the browser has no idle callbacks), then
 * `done`.
 */
export function warmUpEditor(done: () => void = () => undefined): void {
  inIdleSteps(warmUpSteps(), done);
}

let tempered = false;

/**
 * The writer's first pause this long after the first post opened starts the tempering: a step
 * under way holds a click or a key (steps take up to ~20 ms), and a writer often clicks into the
 * post and types at once.
 */
const TEMPER_AFTER_QUIET_MS = 1000;

/**
 * Runs the tempering (see {@link temperingSteps}) in idle periods, once a session, once the writer
 * pauses after the first post has opened: run earlier, it took the first open's idle moments and
 * memory (the first open measured 1.37–1.56× stock Lexical with it, 1.25–1.35× without).
 */
export function temperEditor(): void {
  // Without idle callbacks it would run in timer turns, taken from the writer: it is not worth that.
  if (tempered || typeof window.requestIdleCallback !== 'function') return;
  tempered = true;
  afterPause(() => inIdleSteps(temperingSteps(), () => undefined), TEMPER_AFTER_QUIET_MS);
}
