/**
 * Generated TOML front matter (seeded, so every run sees the same documents): the scanner and the
 * in-place patcher must hold their promises on shapes no hand-written test lists.
 */
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../../shared/api';
import type { JsonObject } from '../../../../shared/content/json-values';
import { parseTomlFrontMatter, patchToml } from '../../../../shared/content/toml-front-matter';
import { scanToml } from '../../../../shared/content/toml-scan';
import { seededRandom } from '../../../support/random';

const DOCUMENTS = 400;

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const chance = (random: Random, p: number): boolean => random() < p;

/** One generated `key = value` line: the key path it defines, and where its value sits in the line. */
interface Line {
  text: string;
  path: string[];
  valueText: string;
  /** Where the value starts within the line. */
  valueColumn: number;
}

const WORDS = [
  'harbour',
  'tide',
  'lamp',
  'pier',
  'café',
  'north wind',
  'ünïcode',
  'a "quote"',
  'tab\there',
  'back\\slash',
  '#not-a-comment',
  'x = y',
];

function key(random: Random, index: number): { text: string; name: string } {
  const name = `${pick(random, ['title', 'weight', 'draft', 'slug', 'lede', 'seo', 'key'])}${index}`;
  switch (pick(random, ['bare', 'bare', 'basic', 'escaped', 'literal'])) {
    case 'basic':
      return { text: `"${name}"`, name };
    case 'escaped':
      return { text: `"${name} \\"q\\" \\u00e9"`, name: `${name} "q" é` };
    case 'literal':
      return { text: `'${name} \\n'`, name: `${name} \\n` };
    default:
      return { text: name, name };
  }
}

function basicString(text: string): string {
  return JSON.stringify(text).replace(/\u007f/g, '\\u007f');
}

function value(random: Random, depth = 0): string {
  switch (
    pick(random, [
      'basic',
      'literal',
      'multi',
      'multiLiteral',
      'endQuotes',
      'int',
      'float',
      'bool',
      'date',
      'array',
      'inline',
    ])
  ) {
    case 'basic':
      return basicString(pick(random, WORDS));
    case 'literal':
      return `'${pick(random, WORDS).replace(/['\t]/g, '')}'`;
    case 'multi':
      return `"""\n${pick(random, WORDS).replace(/\\/g, '\\\\')}\nsecond line\\\n  joined"""`;
    case 'multiLiteral':
      return `'''\n${pick(random, WORDS).replace(/'/g, '')}\n  kept as written'''`;
    case 'endQuotes':
      // Up to two quotes may sit right before the closing delimiter.
      return pick(random, ['"""He said "hi""""', "'''it''s''''", '""""quoted"""""']);
    case 'int':
      return pick(random, ['0', '42', '-7', '1_000', '0x1F', '+3']);
    case 'float':
      return pick(random, ['1.5', '-0.25', '2.0', '6.02e23', '1_000.5']);
    case 'bool':
      return pick(random, ['true', 'false']);
    case 'date':
      return pick(random, [
        '2026-02-23',
        '2026-02-23T10:00:00Z',
        '2026-02-23 10:00:00',
        '2026-02-23T10:00:00.250+01:00',
        '07:30:00',
      ]);
    case 'array': {
      if (depth > 1) return '[1, 2]';
      const items = Array.from({ length: Math.floor(random() * 4) }, () => value(random, depth + 1));
      if (chance(random, 0.3)) return `[\n  ${items.map((item) => `${item}, # note`).join('\n  ')}\n]`;
      return `[${items.join(', ')}]`;
    }
    default: {
      if (depth > 1) return '{}';
      // An inline table lives on one line: no multi-line strings or arrays inside.
      const oneLine = (text: string): string => (text.includes('\n') ? '"one line"' : text);
      const pairs = Array.from(
        { length: Math.floor(random() * 3) },
        (_, index) => `k${index} = ${oneLine(value(random, depth + 1))}`,
      );
      return pairs.length === 0 ? '{}' : `{ ${pairs.join(', ')} }`;
    }
  }
}

/** A whole TOML block, and the line of every value it defines outside arrays of tables. */
function document(random: Random): { source: string; lines: Line[] } {
  const out: string[] = [];
  const lines: Line[] = [];
  let counter = 0;
  const entry = (table: string[], editable: boolean): void => {
    const first = key(random, counter++);
    const dotted = chance(random, 0.2) ? key(random, counter++) : null;
    const valueText = value(random);
    const keyText = dotted ? `${first.text}.${dotted.text}` : first.text;
    const head = `${keyText}${pick(random, [' = ', '=', '  =  '])}`;
    const text = `${head}${valueText}${chance(random, 0.3) ? ' # why' : ''}`;
    out.push(text);
    if (editable)
      lines.push({
        text,
        path: [...table, first.name, ...(dotted ? [dotted.name] : [])],
        valueText,
        valueColumn: head.length,
      });
    if (chance(random, 0.15)) out.push(pick(random, ['', '# a comment line', '   ']));
  };
  for (let i = Math.floor(random() * 5) + 1; i > 0; i--) entry([], true);
  for (let t = Math.floor(random() * 3); t > 0; t--) {
    const name = `section${counter++}`;
    const array = chance(random, 0.25);
    out.push('', array ? `[[${name}]]` : `[${name}]`);
    for (let i = Math.floor(random() * 3) + 1; i > 0; i--) entry([name], !array);
  }
  return { source: `${out.join('\n')}\n`, lines };
}

function newValue(random: Random): JsonValue {
  return pick(random, [
    'Lanterns at dusk',
    'line one\nline two',
    'it\'s "quoted"',
    '',
    'tab\tand\\slash',
    7,
    -12,
    3.5,
    true,
    false,
    ['a', 'b'],
    { nested: 'yes' },
  ]);
}

function valueAt(data: JsonValue | undefined, path: readonly string[]): JsonValue | undefined {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, part))
      return undefined;
    current = current[part];
  }
  return current;
}

function withValue(data: JsonObject, path: readonly string[], next: JsonValue): JsonObject {
  const copy = structuredClone(data);
  let parent = copy as JsonObject;
  for (const part of path.slice(0, -1)) parent = parent[part] as JsonObject;
  parent[path[path.length - 1] as string] = next;
  return copy;
}

describe('TOML front matter, generated documents', () => {
  it('scans every generated document and patches one value in place, every other byte kept', () => {
    const random = seededRandom(20261204);
    let patched = 0;
    for (let n = 0; n < DOCUMENTS; n++) {
      const { source, lines } = document(random);
      const before = parseTomlFrontMatter(source, 2);
      const layout = scanToml(source);
      expect(layout, source).not.toBeNull();
      const line = pick(random, lines);
      const next = newValue(random);
      const after = withValue(before, line.path, next);
      const result = patchToml(source, before, after);
      expect(result, `${source}\n→ ${JSON.stringify(line.path)} = ${JSON.stringify(next)}`).not.toBeNull();
      const text = result as string;
      // Only the value's own text changed: the line's key and everything around it kept their bytes.
      const lineAt = source.indexOf(`${line.text}\n`);
      const start = lineAt + line.valueColumn;
      const prefix = source.slice(0, start);
      const suffix = source.slice(start + line.valueText.length);
      expect(text.startsWith(prefix) && text.endsWith(suffix), `${source}\n---\n${text}`).toBe(true);
      // Reading it back gives the new value and leaves every other value as it was.
      const reread = parseTomlFrontMatter(text, 2);
      expect(valueAt(reread, line.path)).toEqual(next);
      expect(reread).toEqual(after);
      // Stable: saving the same data again changes nothing.
      expect(patchToml(text, reread, reread)).toBe(text);
      patched += 1;
    }
    expect(patched).toBe(DOCUMENTS);
  });

  it('never throws on cut or damaged text', () => {
    const random = seededRandom(7);
    for (let n = 0; n < DOCUMENTS; n++) {
      const { source } = document(random);
      const cut = Math.floor(random() * source.length);
      const damaged = [
        source.slice(0, cut),
        source.slice(0, cut) +
          pick(random, ['"', "'", '[', '=', '\\', '"""', '\r', '#', ' ', '\n[[', '{']) +
          source.slice(cut),
        source.slice(0, cut) + source.slice(cut + 3),
      ];
      for (const text of damaged) {
        expect(() => scanToml(text)).not.toThrow();
        let data: JsonObject | null = null;
        try {
          data = parseTomlFrontMatter(text, 2);
        } catch (error) {
          expect((error as { code?: string }).code, text).toBe('invalid-front-matter');
        }
        if (data) expect(() => patchToml(text, data, { ...data, added: 'x' })).not.toThrow();
      }
    }
  });
});
