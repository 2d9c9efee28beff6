// `quickenSafe` drops the unsafe patterns that cannot match before mdast-util-to-markdown's `safe`
// runs. Its escapes must be exactly `safe`'s: checked against the unchanged `safe` of a live
// serialization (with the GFM and MDX extensions Masthead writes with) on generated text dense
// with punctuation, line endings and intraword underscores, in many constructs and contexts.
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown, type SafeConfig, type State } from 'mdast-util-to-markdown';
import { quickenSafe } from '../../../../../shared/document/markdown/quick-safe';
import { serializeBlocks } from '../../../../../shared/document/markdown/serialize';
import { DEFAULT_STYLE } from '../../../../../shared/document/markdown/style';
import { seededRandom } from '../../../../support/random';

const ALPHABET = 'aZ9_ _*`[]()!<>&#+-.:;=@|~\\\'"\n\t{}$%^/?,\r éw' + '\u00a0\u2019\u3000';
const CONSTRUCTS = [
  'phrasing',
  'label',
  'titleQuote',
  'destinationLiteral',
  'destinationRaw',
  'autolink',
  'tableCell',
  'headingAtx',
  'codeFencedLangGraveAccent',
  'reference',
  'codeFencedMetaGraveAccent',
] as const;
const NEIGHBOURS = [undefined, { type: 'text' }, { type: 'link' }, { type: 'emphasis' }, { type: 'inlineCode' }];

/** Runs `check` with the state of a live to-markdown serialization, and `safe` as to-markdown made it. */
function withLiveState(check: (state: State, original: State['safe']) => void): void {
  const tree = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'x' }] }] } as Root;
  let ran = false;
  toMarkdown(tree, {
    extensions: [
      gfmToMarkdown(),
      mdxToMarkdown(),
      {
        handlers: {
          text(_node, _parent, state) {
            check(state, state.safe);
            ran = true;
            return 'x';
          },
        },
      },
    ],
  });
  expect(ran).toBe(true);
}

describe('quickenSafe', () => {
  it('escapes generated text exactly as mdast-util-to-markdown does, in every construct and context', () => {
    const next = seededRandom(41);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const text = (max: number): string =>
      Array.from({ length: Math.floor(next() * max) }, () => pick(ALPHABET.split(''))).join('');
    let checked = 0;
    let changed = 0;
    withLiveState((state, original) => {
      const reference = (value: string, config: SafeConfig): string => original.call(state, value, config);
      quickenSafe(state);
      for (let run = 0; run < 6000; run++) {
        const exits = Array.from({ length: 1 + Math.floor(next() * 2) }, () => state.enter(pick(CONSTRUCTS)));
        const value = text(24);
        const config: SafeConfig = {
          before: text(2),
          after: text(2),
          beforeNode: pick(NEIGHBOURS) as SafeConfig['beforeNode'],
          afterNode: pick(NEIGHBOURS) as SafeConfig['afterNode'],
          ...(next() < 0.2 ? { encode: ['*', '_'] } : {}),
        };
        const expected = reference(value, config);
        expect(state.safe(value, config), JSON.stringify({ value, config, stack: state.stack })).toBe(expected);
        if (expected !== value) changed++;
        checked++;
        for (const exit of exits.reverse()) exit();
      }
    });
    // The generated text must exercise escaping, not only pass through untouched.
    expect(checked).toBe(6000);
    expect(changed).toBeGreaterThan(3000);
  });

  it('leaves the unsafe patterns as they were after each call', () => {
    withLiveState((state) => {
      const before = state.unsafe;
      quickenSafe(state);
      state.safe('plain words', { before: '', after: '' });
      expect(state.unsafe).toBe(before);
    });
  });

  it('still escapes what would start a construct when Masthead serializes a paragraph', () => {
    const paragraph = (value: string): string =>
      serializeBlocks([{ type: 'paragraph', children: [{ type: 'text', value }] }], DEFAULT_STYLE);
    expect(paragraph('# not a heading')).toBe('\\# not a heading');
    expect(paragraph('2 * 3 = 6 and a_b_c')).toBe('2 \\* 3 = 6 and a_b_c');
    expect(paragraph('[not a link](x)')).toBe('\\[not a link]\\(x)');
    expect(paragraph('plain prose, nothing to escape')).toBe('plain prose, nothing to escape');
  });
});
