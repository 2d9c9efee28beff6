/**
 * The crash loop shared by recovery.spec.ts (a few kills) and test/soak (hundreds): a writer types
 * numbered words into a post through the real UI, now and then pressing Ctrl+S, while the web-mode
 * back end is SIGKILLed at a random moment. After each restart it checks what "never lose a word"
 * promises: every word typed at least a second before the kill comes back, the post file on disk
 * is a complete version (never truncated or mixed), and no temp file is left in the repository.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** The post the loop types into, written into the repository before launch (see `crashPostFiles`). */
export const CRASH_POST = 'content/posts/2026-03-02-night-shift-notes.md';
const CRASH_TITLE = 'Night Shift Notes';
const FRONT_MATTER = `---\ntemplateKey: blog-post\ntitle: ${CRASH_TITLE}\ndate: 2026-03-02T22:00:00.000Z\ndescription: What the harbour sounds like after midnight.\nauthor: Jonas Ebert\ntags:\n  - harbour\n---\n`;
const BODY_REST =
  'the cranes stop at eleven and the water takes over.\n\nBy two the only light is the ferry office, where the night clerk keeps a radio on low.\n';
const ORIGINAL = `${FRONT_MATTER}${BODY_REST}`;

/** The repository files the loop needs (for the `repoFiles` fixture option or a bench repo). */
export const crashPostFiles = { [CRASH_POST]: ORIGINAL };

/** What one run of the loop saw. */
export interface CrashFigures {
  kills: number;
  wordsTyped: number;
  /** The most words lost in one kill (typed in its last second or so, and not recovered). */
  maxWordsLost: number;
  /** Words typed at least a second before a kill that did not come back: the promise broken. */
  lateWordsLost: number;
  /** Times the post file on disk was not a complete version. */
  corruptFiles: number;
  /** Temp files found in the repository after a restart. */
  tempFiles: number;
  saves: number;
  /** Details of each broken promise, for the test's message. */
  problems: string[];
}

/** How the loop reaches the app. */
export interface CrashLoopOptions {
  page: Page;
  workTree: string;
  /** Where the app is served now. */
  url: string;
  kills: number;
  /** SIGKILLs the back end, starts it again on the same settings folder, resolves with its URL. */
  restart: () => Promise<string>;
  /** Random numbers (seedable for a reproducible run). */
  random?: () => number;
  log?: (line: string) => void;
}

const GRACE_MS = 1_000;
const WORD = /w(\d+)x/g;

/** Runs the loop and returns its figures; throws only when the app itself stops working. */
export async function runCrashLoop(options: CrashLoopOptions): Promise<CrashFigures> {
  const { page, workTree, kills } = options;
  const random = options.random ?? Math.random;
  const figures: CrashFigures = {
    kills: 0,
    wordsTyped: 0,
    maxWordsLost: 0,
    lateWordsLost: 0,
    corruptFiles: 0,
    tempFiles: 0,
    saves: 0,
    problems: [],
  };
  // A page going away with edits the dead back end never took may ask first: always leave.
  page.on('dialog', (dialog) => void dialog.accept().catch(() => undefined));
  const body = page.getByRole('textbox', { name: 'Post body' });
  let next = 1;
  let url = options.url;
  await page.goto(url);

  for (let round = 1; round <= kills; round += 1) {
    await openPost(page);
    await body.click();
    await page.keyboard.press('Control+Home');
    // Type for 0.4–3.5 s, then the back end dies mid-sentence; sometimes a save lands just before.
    const killAfter = 400 + random() * 3_100;
    const saveAt = random() < 0.4 ? random() * killAfter : null;
    const typed: Array<{ word: number; at: number }> = [];
    const started = Date.now();
    let saved = false;
    while (Date.now() - started < killAfter) {
      const word = next++;
      await page.keyboard.type(`w${word}x `);
      typed.push({ word, at: Date.now() });
      if (saveAt !== null && !saved && Date.now() - started >= saveAt) {
        saved = true;
        figures.saves += 1;
        await page.keyboard.press('Control+S');
      }
    }
    const killedAt = Date.now();
    url = await options.restart();
    figures.kills += 1;
    figures.wordsTyped += typed.length;

    checkFile(workTree, figures, round);
    checkTempFiles(workTree, figures, round);

    await page.goto(url);
    await openPost(page);
    const text = (await body.innerText()).replace(/\s+/g, ' ');
    const present = new Set([...text.matchAll(WORD)].map((match) => Number(match[1])));
    const lost = typed.filter(({ word }) => !present.has(word));
    const late = lost.filter(({ at }) => at <= killedAt - GRACE_MS);
    figures.maxWordsLost = Math.max(figures.maxWordsLost, lost.length);
    figures.lateWordsLost += late.length;
    if (late.length > 0) {
      figures.problems.push(
        `kill ${round}: lost ${late.map(({ word, at }) => `w${word}x (typed ${killedAt - at} ms before the kill)`).join(', ')}`,
      );
    }
    options.log?.(
      `kill ${round}: typed ${typed.length} words in ${killedAt - started} ms${saved ? ' (saved once)' : ''}, lost ${lost.length} (${late.length} older than 1 s)`,
    );
  }
  return figures;
}

// After a restart the app reopens the post with recovered edits by itself (keep them); when the
// journal had nothing (the last edits were saved), the writer opens it from the library.
async function openPost(page: Page): Promise<void> {
  const body = page.getByRole('textbox', { name: 'Post body' });
  const library = page.getByRole('navigation', { name: 'Library' });
  await library.waitFor();
  const keep = page.getByRole('region', { name: 'Recovered work' }).getByRole('button', { name: 'Keep', exact: true });
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('list', { name: 'Posts' })
    .getByRole('button')
    .first()
    .waitFor();
  // recover() runs right after the post list loads: give it a moment to open the post.
  await body.or(page.getByText('No post open')).first().waitFor();
  if (!(await body.isVisible())) await library.getByRole('button', { name: new RegExp(CRASH_TITLE) }).click();
  await body.waitFor();
  if (await keep.isVisible()) await keep.click();
}

function checkFile(workTree: string, figures: CrashFigures, round: number): void {
  const text = readFileSync(join(workTree, CRASH_POST), 'utf8');
  // The file is the original or a saved version: the front matter, whole numbered words typed at
  // the start of the first paragraph (a word cut by the kill may lack its end), then the rest whole.
  const words = text.slice(FRONT_MATTER.length, text.length - BODY_REST.length);
  const complete = text.startsWith(FRONT_MATTER) && text.endsWith(BODY_REST) && /^(?:w\d*x? ?)*$/.test(words);
  if (!complete) {
    figures.corruptFiles += 1;
    figures.problems.push(
      `kill ${round}: the post file is not a complete version: ${JSON.stringify(text.slice(0, 400))}`,
    );
  }
}

function checkTempFiles(workTree: string, figures: CrashFigures, round: number): void {
  const leftovers = readdirSync(workTree, { recursive: true, encoding: 'utf8' }).filter(
    (name) => name.includes('.masthead-tmp-') && !name.startsWith('.git'),
  );
  if (leftovers.length > 0) {
    figures.tempFiles += leftovers.length;
    figures.problems.push(`kill ${round}: temp files left: ${leftovers.join(', ')}`);
  }
}

/** One line of figures, as the soak prints them. */
export function describeFigures(figures: CrashFigures): string {
  return (
    `kills: ${figures.kills}, words typed: ${figures.wordsTyped}, saves: ${figures.saves}, max words lost in one kill: ${figures.maxWordsLost}, ` +
    `words older than 1 s lost: ${figures.lateWordsLost}, corrupt files: ${figures.corruptFiles}, temp files left: ${figures.tempFiles}`
  );
}
