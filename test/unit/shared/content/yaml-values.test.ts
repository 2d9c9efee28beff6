import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitPostFile } from '../../../../shared/content/front-matter-split';
import { toLf } from '../../../../shared/content/line-endings';
import { parseYamlFrontMatter } from '../../../../shared/content/yaml-front-matter';
import { readYamlValues } from '../../../../shared/content/yaml-values';
import { seededRandom } from '../../../support/random';

/** The editor's reader's verdict: the data as JSON, or its error message. */
function verdict(read: () => unknown): string {
  try {
    return JSON.stringify(read());
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

function expectSameAsEditor(source: string): void {
  expect(
    verdict(() => readYamlValues(source, 2)),
    source,
  ).toBe(verdict(() => parseYamlFrontMatter(source, 2)));
}

describe('readYamlValues', () => {
  it('reads ordinary front matter like the editor does', () => {
    const source = [
      'title: "The lamp on the north pier"',
      'date: 2024-03-09T18:30:00.000Z',
      'draft: false',
      'weight: 12',
      'ratio: 1.5',
      'tags: [harbour, lamps]',
      'authors:',
      '  - { value: ada, label: Ada Quay }',
      'seo:',
      '  description: >-',
      '    A folded description',
      '    over two lines.',
      'empty:',
      'nothing: ~',
      '# a comment',
      '',
    ].join('\n');
    expect(readYamlValues(source, 2)).toEqual({
      title: 'The lamp on the north pier',
      date: '2024-03-09T18:30:00.000Z',
      draft: false,
      weight: 12,
      ratio: 1.5,
      tags: ['harbour', 'lamps'],
      authors: [{ value: 'ada', label: 'Ada Quay' }],
      seo: { description: 'A folded description over two lines.' },
      empty: null,
      nothing: null,
    });
    expectSameAsEditor(source);
  });

  it('agrees with the editor where the two libraries would not: anchors, tags, binary numbers, quotes over lines', () => {
    for (const source of [
      'base: &b { a: 1 }\ncopy: *b\n',
      'merged:\n  <<: { a: 1 }\n  b: 2\n',
      'value: !custom text\n',
      'mask: 0b101\n',
      'title: "a string\n  over two lines"\n',
      "title: 'unclosed\nnext: value\n",
      'title: "unclosed\n',
      "title: Don't stop\n",
      'title: "say \\"hi\\""\n',
      'key: value\nkey: again\n',
      '- just\n- a list\n',
      'plain text\n',
      '',
      '# only a comment\n',
      '__proto__: kept as data\n',
      'big: 12345678901234567890\nnan: .nan\ninf: -.inf\n',
      'a: -.5\nb: +.5\nc: -0x1F\nd: +0o17\ne: 1e400\n',
      'null: x\n',
      '~: x\n',
      '[a, b]: x\n',
      '? complex\n: key\n',
      'a: [\nb\n]\n',
      'a: {\nb: c\n}\n',
      '...\n',
      'list:\n  - {value: a, label: A}\n  - [x, y]\n',
    ]) {
      expectSameAsEditor(source);
    }
  });

  it('keeps a __proto__ key as data', () => {
    const data = readYamlValues('__proto__:\n  polluted: true\n', 2);
    expect(Object.keys(data)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the file line of a mistake, as the editor does', () => {
    expect(() => readYamlValues('title: ok\ndate: "2024\n', 2)).toThrow(/line 3/);
  });

  it('agrees with the editor on 5,000 generated blocks, well-formed and not', () => {
    const next = seededRandom(2026);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const keys = [
      'title',
      'date',
      'tags',
      'seo',
      'a b',
      '"q k"',
      "'s'",
      '1',
      'true',
      'x-y',
      'é',
      'null',
      '~',
      '[k, l]',
      '1.0',
      '0x10',
    ];
    const values = [
      'hello',
      '"dq \\" x"',
      "'sq '' x'",
      '12',
      '-3.5',
      '1e3',
      'true',
      'False',
      'null',
      '~',
      '',
      '2020-01-01',
      '2020-01-01T10:00:00Z',
      'a: b',
      'a #c',
      '# comment',
      '"unclosed',
      "'unc",
      '|\n  lit\n  more',
      '>\n  folded\n  text',
      '>-\n  x',
      '|+\n  keep\n\n',
      '[a, b]',
      '{a: 1, b: [2]}',
      '[a, [b, c]]',
      '{a: }',
      'http://x.y/z?a=1#f',
      '@at',
      '`tick',
      '%pct',
      'x\ty',
      '"\\t\\u00e9"',
      'a,b',
      '- in',
      '? q',
      '0x1F',
      '0o17',
      '.inf',
      '-.NaN',
      '+1',
      '1_000',
      '12:30',
      '"multi\n  line"',
      'plain\n  continued',
      'é ünï',
      '"\\x41"',
      "'it''s'",
      '[]',
      '{}',
      '[a,]',
      '{a: 1,}',
      'a]',
      'x}',
      ': y',
      '-.5',
      '+.5',
      '-0x1F',
      '+0o17',
      '1e400',
      '-1.5e-3',
      '[\n  b\n  ]',
      '{\n  b: c\n  }',
      '[a,\n  b]',
      '&x v',
      '*x',
    ];
    for (let i = 0; i < 5000; i++) {
      const lines: string[] = [];
      const count = 1 + Math.floor(next() * 4);
      for (let j = 0; j < count; j++) {
        const shape = next();
        if (shape < 0.15) lines.push(`${pick(keys)}:\n  - ${pick(values)}\n  - ${pick(values)}`);
        else if (shape < 0.3)
          lines.push(`${pick(keys)}:\n  ${pick(keys)}: ${pick(values)}\n  ${pick(keys)}: ${pick(values)}`);
        else if (shape < 0.35) lines.push(`${pick(['', ' ', '\t'])}${pick(keys)}: ${pick(values)}`);
        else lines.push(`${pick(keys)}: ${pick(values)}`);
      }
      expectSameAsEditor(`${lines.join('\n')}\n`);
    }
  });

  it("agrees with the editor on every YAML front matter in the project's fixtures", () => {
    const root = join(__dirname, '../../../fixtures');
    let checked = 0;
    const visit = (folder: string): void => {
      for (const name of readdirSync(folder)) {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) visit(path);
        else if (/\.(md|markdown|mdx)$/.test(name)) {
          let parts;
          try {
            parts = splitPostFile(readFileSync(path, 'utf8'));
          } catch {
            continue; // an unclosed block: not YAML the readers see
          }
          if (parts.format !== 'yaml') continue;
          expectSameAsEditor(toLf(parts.matter));
          checked++;
        }
      }
    };
    visit(root);
    expect(checked).toBeGreaterThan(20);
  });
});
