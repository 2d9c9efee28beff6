/**
 * The paste fuzz run, shared by the paste-fuzz-*.test.ts files: generated clipboard HTML inputs
 * (seeded, so every run is the same) full of script URLs in disguise, event handlers, SVG/MathML
 * mutation tricks, nested forms, `srcdoc`, `<base>` and CSS `url()`. No script, handler or unsafe
 * address may reach the Markdown a paste produces (nor the file, for a sample pasted into a
 * post), and pasting the Markdown's own HTML rendering again must give the same Markdown. The
 * 10,000 inputs are split over four files because jsdom slows down as a run creates thousands of
 * documents; each file gets a fresh one.
 */
import type { Nodes } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { expect } from 'vitest';
import { parseMarkdown } from '../../../../../shared/document';
import { htmlToPastedMarkdown } from '../../../../../shared/document/paste';
import { sanitizeClipboardHtml } from '../../../../../renderer/editor/paste/sanitize-html';
import { pasteInto } from '../../../shared/document/paste/paste-into';
import { generator, UNSAFE_URLS } from './fuzz-inputs';

const convert = (html: string): string => htmlToPastedMarkdown(sanitizeClipboardHtml(html));

// Independent of the shared predicate: what a browser would read as a script or document URL.
function dangerous(url: string): boolean {
  const decoded = url
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0020\u00ad\u200b-\u200f\ufeff]/g, '')
    .toLowerCase();
  if (/^data:image\/(?:png|jpeg|gif|webp|avif)[;,]/.test(decoded)) return false;
  return /^(?:javascript|vbscript|livescript|data|file):/.test(decoded);
}

/** The Markdown's HTML rendering (as a site would show it) and the problems it holds. */
function check(markdown: string): { rendered: string; problems: string[] } {
  const problems: string[] = [];
  const tree = parseMarkdown(markdown);
  const visit = (node: Nodes): void => {
    if (node.type === 'html') problems.push(`raw HTML ${node.value}`);
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && dangerous(node.url))
      problems.push(`unsafe URL ${node.url}`);
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
  const rendered = toHtml(toHast(tree));
  if (/<script|<svg|<math|<iframe|<object|<embed|<form|<base|<style/i.test(rendered))
    problems.push(`markup in rendering ${rendered}`);
  if (/<[^>]+\son[a-z]+\s*=/i.test(rendered)) problems.push(`handler in rendering ${rendered}`);
  return { rendered, problems };
}

/**
 * Pastes the HTML renderings of many outputs at once, each in its own `<div>`, and returns the
 * Markdown of each. Renderings come from hast-util-to-html (every element closed, no raw HTML),
 * so one cannot leak into the next; batching keeps 10,000 cases within the time budget, as
 * creating a jsdom document for each paste costs more than converting it.
 */
function repasteAll(renderings: readonly string[]): string[] {
  const page = renderings.map((html, index) => `<div data-case="${index}">${html}</div>`).join('');
  const cases = sanitizeClipboardHtml(page).children.filter((node) => node.type === 'element');
  expect(cases).toHaveLength(renderings.length);
  return cases.map((node) =>
    htmlToPastedMarkdown({ type: 'root', children: node.type === 'element' ? node.children : [] }),
  );
}

/** Runs `inputs` generated cases from `seed` and fails with the first few problems found. */
export function runPasteFuzz(seed: number, inputs: number): void {
  const started = performance.now();
  const generate = generator(seed);
  const failures: string[] = [];
  let unsafeSeen = 0;
  let batch: { index: number; html: string; markdown: string; rendered: string }[] = [];
  const checkBatch = (): void => {
    const again = repasteAll(batch.map((item) => item.rendered));
    batch.forEach((item, at) => {
      if (again[at] !== item.markdown)
        failures.push(
          `#${item.index} not idempotent: ${JSON.stringify(item.html)}\n→ ${JSON.stringify(item.markdown)}\n→ ${JSON.stringify(again[at])}`,
        );
    });
    batch = [];
  };
  for (let index = 0; index < inputs && failures.length < 5; index++) {
    const html = generate();
    if (UNSAFE_URLS.some((unsafe) => html.includes(unsafe)) || /\son[a-z]+=/i.test(html)) unsafeSeen++;
    const markdown = convert(html);
    const { rendered, problems: found } = check(markdown);
    if (index % 50 === 0)
      found.push(...check(pasteInto('', markdown)).problems.map((problem) => `in the saved file: ${problem}`));
    if (found.length > 0)
      failures.push(`#${index} ${JSON.stringify(html)}\n→ ${JSON.stringify(markdown)}\n${found.join('\n')}`);
    batch.push({ index, html, markdown, rendered });
    if (batch.length === 100) checkBatch();
  }
  if (batch.length > 0) checkBatch();
  console.info(`paste fuzz (seed ${seed}): ${inputs} inputs in ${Math.round(performance.now() - started)} ms`);
  expect(failures).toEqual([]);
  // The generator really produced hostile input (so the test can fail).
  expect(unsafeSeen).toBeGreaterThan(inputs * 0.8);
}
