/**
 * Opening the first post of a session ran the Markdown parser and the import for the first time:
 * JavaScript not yet compiled by the engine, about twice as slow as on the next post. Once the
 * editor chunk has loaded, in idle time, a small sample of every common construct goes through
 * the same import and export in a headless editor, so the writer's first open runs warm. Nothing
 * of it is kept or shown.
 */
import { createDocumentEditor, $exportMarkdown, $importMarkdown } from '../../shared/document';

const PARAGRAPH =
  'The harbour master rang the *noon* bell, and the **ferry** left on time. Notes are in ' +
  '[the log](https://example.org/log "Harbour log") with `code`, ~~struck~~ words and an ' +
  '![anchor](/img/anchor.png) image; a line ends here  \nand goes on.';

export const WARM_UP_SAMPLE = [
  '# Harbour notes',
  PARAGRAPH,
  '## Tides\n\nSecond heading\n--------------',
  '* gulls on the pier\n* the tide *comes* in\n    1. first\n    2. second',
  '- [ ] check the lamps\n- [x] log the weather',
  '> A quote with **strong** words.\n>\n> Second paragraph.',
  '```js\nconst tide = 2;\nlog(tide);\n```',
  '| Hour | Boat |\n|------|:----:|\n| 7:00 | Ada  |\n| 9:30 | Bea  |',
  '<div class="note">Raw HTML</div>',
  '{{< figure src="/img/boat.jpg" >}}',
  '***',
  PARAGRAPH,
].join('\n\n');

/** Runs the sample through import and export a few times; call when the page is idle. */
export function warmUpEditor(): void {
  const editor = createDocumentEditor();
  for (let round = 0; round < 3; round += 1) {
    editor.update(() => $importMarkdown(WARM_UP_SAMPLE), { discrete: true });
    editor.read(() => $exportMarkdown());
  }
}
