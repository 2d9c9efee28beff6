/**
 * Generated YAML front matter (seeded, so every run sees the same documents): the lossless patcher
 * must change only the edited value, read back as the new data, and stay put when saved again.
 */
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../../shared/api';
import type { JsonObject } from '../../../../shared/content/json-values';
import { parseYamlFrontMatter } from '../../../../shared/content/yaml-front-matter';
import { patchYaml } from '../../../../shared/content/yaml-patch';
import { seededRandom } from '../../../support/random';

const DOCUMENTS = 400;

type Random = () => number;
type Path = Array<string | number>;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const chance = (random: Random, p: number): boolean => random() < p;

/** A value the test may edit: its path, and the source range the patcher may rewrite for it. */
interface Editable {
  path: Path;
  start: number;
  end: number;
}

/** Scalars as people write them, each a line of its own (block scalars end with their line break). */
const INLINE_SCALARS = [
  'Harbour lights',
  'tide 3 of 4',
  '42',
  '-1.5',
  'true',
  '2026-02-23',
  '2026-02-23T10:00:00Z',
  "'it''s here'",
  "'# not a comment'",
  '"tab\\tand \\"quotes\\" é"',
  '"line\\nbreak"',
  'null',
  '~',
  "''",
  '""',
  '',
];
const BLOCK_SCALARS = [
  '|\n  Line one\n  Line two\n',
  '|-\n  Kept\n\n  apart\n',
  '>\n  Folded text\n  continues here\n',
  '>-\n  One paragraph\n',
];

function document(random: Random): { source: string; editable: Editable[] } {
  let source = '';
  const editable: Editable[] = [];
  let counter = 0;
  const comment = (): string => (chance(random, 0.25) ? ' # note' : '');
  const key = (): string => {
    const name = `${pick(random, ['title', 'date', 'tags', 'seo', 'lede', 'draft'])}${counter++}`;
    return chance(random, 0.2) ? `"${name}: x"` : name;
  };
  const keyName = (written: string): string => (written.startsWith('"') ? written.slice(1, -1) : written);

  /** A scalar after `prefix` on the current line; returns nothing, records the editable range. */
  const scalar = (prefix: string, path: Path, indent: string): void => {
    source += prefix;
    if (chance(random, 0.2)) {
      const block = pick(random, BLOCK_SCALARS).replace(/\n {2}/g, `\n${indent}  `);
      editable.push({ path, start: source.length, end: source.length + block.length });
      source += block;
      return;
    }
    const text = pick(random, INLINE_SCALARS);
    editable.push({ path, start: source.length, end: source.length + text.length });
    source += `${text}${comment()}\n`;
  };

  const mapping = (indent: string, path: Path, depth: number): void => {
    for (let i = Math.floor(random() * 4) + 1; i > 0; i--) {
      const written = key();
      const childPath = [...path, keyName(written)];
      const kind = depth > 1 ? 'scalar' : pick(random, ['scalar', 'scalar', 'scalar', 'map', 'seq', 'flow']);
      if (kind === 'map') {
        source += `${indent}${written}:${comment()}\n`;
        mapping(`${indent}  `, childPath, depth + 1);
      } else if (kind === 'seq') {
        source += `${indent}${written}:\n`;
        const dash = chance(random, 0.5) ? `${indent}- ` : `${indent}  - `;
        const first = editable.length;
        const start = source.length;
        for (let item = 0; item < Math.floor(random() * 3) + 1; item++)
          scalar(dash, [...childPath, item], dash.replace('- ', '  ').slice(2));
        // A list is patched item by item (an item that changed may be removed and added again
        // elsewhere), so its edits stay within the list's own lines.
        for (const entry of editable.slice(first)) Object.assign(entry, { start, end: source.length });
      } else if (kind === 'flow') {
        source += `${indent}${written}: `;
        const items = Array.from({ length: Math.floor(random() * 3) + 1 }, () =>
          pick(random, ['sea', 'maps', '"a, b"', '3']),
        );
        const flow = chance(random, 0.5) ? `[${items.join(', ')}]` : `[ ${items.join(', ')} ]`;
        // A changed flow list is rewritten whole, on one line.
        items.forEach((_, item) =>
          editable.push({ path: [...childPath, item], start: source.length, end: source.length + flow.length }),
        );
        source += `${flow}${comment()}\n`;
      } else {
        scalar(`${indent}${written}: `, childPath, indent);
      }
      if (chance(random, 0.1)) source += pick(random, ['\n', `${indent}# a comment line\n`]);
    }
  };
  mapping('', [], 0);
  return { source, editable };
}

function newValue(random: Random): JsonValue {
  return pick(random, [
    'Lanterns at dusk',
    'line one\nline two\n',
    'it\'s: "quoted" # not a comment',
    '',
    'yes',
    '007',
    ' padded ',
    7,
    -12,
    3.5,
    true,
    false,
    null,
  ]);
}

function withValue(data: JsonObject, path: Path, next: JsonValue): JsonObject {
  const copy = structuredClone(data);
  let parent: JsonValue = copy;
  for (const part of path.slice(0, -1)) parent = (parent as Record<string | number, JsonValue>)[part] as JsonValue;
  (parent as Record<string | number, JsonValue>)[path[path.length - 1] as string | number] = next;
  return copy;
}

/** The range of `before` that differs from `after`: what is left after their common prefix and suffix. */
function changedRange(before: string, after: string): { start: number; end: number } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start += 1;
  let tail = 0;
  while (
    tail < before.length - start &&
    tail < after.length - start &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail += 1;
  return { start, end: before.length - tail };
}

describe('YAML front matter patcher, generated documents', () => {
  it('changes only the edited value, reads back as the new data, and saves again unchanged', () => {
    const random = seededRandom(4122026);
    for (let n = 0; n < DOCUMENTS; n++) {
      const { source, editable } = document(random);
      const before = parseYamlFrontMatter(source, 2);
      const target = pick(random, editable);
      const next = newValue(random);
      const after = withValue(before, target.path, next);
      const result = patchYaml(source, before, after);
      const story = `${source}--- ${JSON.stringify(target.path)} = ${JSON.stringify(next)}\n${result}`;
      expect(result, story).not.toBeNull();
      const text = result as string;
      const changed = changedRange(source, text);
      // An empty value has no text: its new text may go anywhere in the blanks after the colon.
      const end = target.end + (/^[ \t]*/.exec(source.slice(target.end))?.[0].length ?? 0);
      expect(text === source || (changed.start >= target.start && changed.end <= end), story).toBe(true);
      expect(parseYamlFrontMatter(text, 2), story).toEqual(after);
      expect(patchYaml(text, after, after)).toBe(text);
    }
  });

  it('never throws on cut or damaged text', () => {
    const random = seededRandom(11);
    for (let n = 0; n < DOCUMENTS; n++) {
      const { source } = document(random);
      const cut = Math.floor(random() * source.length);
      for (const text of [
        source.slice(0, cut),
        source.slice(0, cut) +
          pick(random, ['"', "'", '[', ': ', '\t', '|', '&a ', '*a', '- ', '{']) +
          source.slice(cut),
      ]) {
        let data: JsonObject | null = null;
        try {
          data = parseYamlFrontMatter(text, 2);
        } catch (error) {
          expect((error as { code?: string }).code, text).toBe('invalid-front-matter');
        }
        if (data) expect(() => patchYaml(text, data, { ...data, added: 'x' })).not.toThrow();
      }
    }
  });
});
