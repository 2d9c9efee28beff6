/**
 * Generated Markdown bodies for differential tests of the quick parser: the blocks it reads, in
 * their plain forms and in every near miss (a space too many, a marker without its space, a
 * delimiter beside a letter, an unclosed fence, a continuation line), with text full of the
 * characters that change how Markdown reads.
 */
import { seededRandom } from './random';

const WORDS = ['keeper', 'Lamp', 'tide', 'north', 'é', 'naïve', '日本', '42', '7', 'x', 'A1', 'ß', '😀'];
const PUNCTUATION = [
  '.',
  ',',
  '!',
  '?',
  '(',
  ')',
  '"',
  "'",
  '’',
  '“',
  '—',
  ':',
  ';',
  '#',
  '=',
  '-',
  '+',
  '>',
  '%',
  '/',
  '^',
  '}',
  '$',
];
const RISKY = [
  '<',
  '<b>',
  '|',
  '&',
  '&amp;',
  '&#42;',
  '\\',
  '\\*',
  '~',
  '~~x~~',
  '{{< note >}}',
  '{% x %}',
  '@',
  'a@b.co',
  'www.example.com',
  'https://example.com',
  '_',
  '_x_',
  'x_y',
  '[',
  ']',
  '[x]',
  '[^1]',
  '![i](u.png)',
  '``',
  '``a``',
  '` a `',
  '`',
  '*',
  '**',
  '***x***',
  '\t',
  '\u00a0',
  '\u0301',
];

/**
 * A deterministic generator of Markdown bodies. Each body has its own noise level: a third are
 * clean (what the quick parser accepts, with near misses only in spacing and punctuation), the
 * rest get risky tokens and malformed line starts, up to `risk` (0–1) of the time.
 */
export function markdownFuzzer(seed: number, risk = 0.08): () => string {
  const next = seededRandom(seed);
  let noise = risk;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const chance = (p: number): boolean => next() < p;
  // The usual form, or (always in noisy bodies, sometimes in clean ones) any of the forms given.
  const variant = (forms: readonly string[]): string => (noise === 0 && chance(0.8) ? forms[0]! : pick(forms));

  const word = (): string => (chance(1 - noise * 2) ? pick(WORDS) : pick(PUNCTUATION));
  const phrase = (): string => {
    const count = 1 + Math.floor(next() * 3);
    return Array.from({ length: count }, word).join(chance(0.9) ? ' ' : '');
  };
  const inline = (): string => {
    const roll = next();
    if (roll < noise) return pick(RISKY);
    if (roll < 0.25) return `*${phrase()}*`;
    if (roll < 0.35) return `**${phrase()}**`;
    if (roll < 0.45) return `\`${pick([...WORDS, '*', '<div>', '|', 'a_b', '\\'])}${chance(0.5) ? '()' : ''}\``;
    if (roll < 0.5) return `${pick(['_', '__', '~', '~~'])}${phrase()}${pick(['_', '__', '~', '~~', '~~~'])}`;
    if (roll < 0.505)
      return pick([
        '{{< figure src="a.png" >}}',
        '{{% note %}}',
        '{{ .Title }}',
        '{% raw %}',
        '{{}}',
        '{%%}',
        '{{< a *b* `c` [d](e) >}}',
        '{{< x >}}}',
        '{{<x',
        '{ x }',
        '{{< a {{< b >}} >}}',
        '{{% a >}}',
      ]);
    if (roll < 0.51) return `\\${pick(['*', '_', '[', '#', '(', '`', '\\', '|', '.', 'a', '{', '&'])}`;
    if (roll < 0.52) return `![${phrase()}](${variant(['/images/a.png', 'b c.png', ''])})`;
    if (roll < 0.6)
      return `[${phrase()}](${variant(['https://example.com/a', '/b "A title"', '/b', 'c.html#d', 'e_f?g=1', '(x)', 'a b', ''])})`;
    return phrase();
  };
  const glue = (): string => pick([' ', ' ', ' ', '', '. ', ', ', ' (', ') ', '"', '’']);
  const text = (): string => {
    const count = 1 + Math.floor(next() * 5);
    let out = '';
    for (let i = 0; i < count; i++) out += (i > 0 ? glue() : '') + inline();
    if (chance(noise / 2)) out += pick(['  ', ' ', '\\', ' #', '#']);
    if (chance(noise / 2))
      out =
        pick([
          '  ',
          ' ',
          '    ',
          '\t',
          '1. ',
          '2) ',
          '10. ',
          '- ',
          '* ',
          '+ ',
          '> ',
          '# ',
          '=',
          '---',
          '\uFEFF',
          ':',
          '|',
        ]) + out;
    return out;
  };
  const lines = (count: number, prefix: () => string): string =>
    Array.from({ length: count }, () => prefix() + text()).join('\n');

  const block = (): string => {
    const roll = next();
    if (roll < 0.3) return lines(1 + Math.floor(next() * 3), () => '');
    if (roll < 0.4) return `${'#'.repeat(1 + Math.floor(next() * 7))}${variant([' ', '', '  '])}${text()}`;
    if (roll < 0.5) {
      const info = variant(['ts', '', 'c#', 'js title="x"', '`x`', '  ']);
      const body = Array.from({ length: Math.floor(next() * 4) }, () =>
        pick(['const a = 1;', '', '  indented', '```', ' ```', '````', '```js', '# comment', '\tcode', '~~~']),
      ).join('\n');
      const close = variant(['```', '````', ' ```', '``` ', '']);
      return `${variant(['```', '````', '~~~', ' ```'])}${info}\n${body}${body ? '\n' : ''}${close}`;
    }
    if (roll < 0.65) {
      const ordered = chance(0.4);
      const marker = ordered ? variant(['1.', '2.', '1)', '01.', '3.']) : variant(['-', '*', '+']);
      const items = 1 + Math.floor(next() * 4);
      return Array.from({ length: items }, (_, index) => {
        const own = ordered && chance(0.8) ? `${index + 1}${marker.slice(-1)}` : marker;
        const gap = index > 0 && chance(0.2) ? pick(['\n', '\n\n']) : '';
        const more = chance(0.1) ? `${pick(['\n', '\n\n'])}${pick(['  ', '', '   ', '    '])}${text()}` : '';
        return `${gap}${own}${variant([' ', '  ', ''])}${chance(0.05) ? '[ ] ' : ''}${text()}${more}`;
      }).join('\n');
    }
    if (roll < 0.75) {
      return Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
        chance(0.2) ? pick(['>', '> ', '']) : `${variant(['> ', '>', '>> ', ' > '])}${text()}`,
      ).join('\n');
    }
    if (roll < 0.85) {
      const columns = 1 + Math.floor(next() * 3);
      const row = (cell: () => string): string =>
        `${variant(['|', '', ' |'])}${Array.from({ length: columns + (chance(0.1) ? 1 : 0) }, cell).join('|')}${variant(['|', ''])}`;
      const head = row(() => ` ${phrase()} `);
      const delimiter = row(() => variant([' --- ', ':---', '---:', ' :-: ', '-', ' - ', 'x', '']));
      const body = Array.from({ length: Math.floor(next() * 3) }, () =>
        row(() => pick([` ${inline()} `, '', '  ', inline()])),
      );
      return [head, delimiter, ...body].join('\n');
    }
    if (roll < 0.9) return pick(['---', '***', '___', '- - -', '----', '* * *', '===', '--']);
    if (roll < 0.95) return pick(['    indented code', '<div>\n\nhtml\n</div>', '<!-- note\n\nstill -->', '\t tab']);
    return pick(['', ' ', '\t', '{{< figure src="a.png" >}}', '{{< note >}}\nText\n{{< /note >}}']);
  };

  return () => {
    noise = pick([0, risk / 4, risk]);
    const count = 1 + Math.floor(next() * 8);
    let out = chance(0.1) ? pick(['\n', ' \n', '\n\n']) : '';
    for (let i = 0; i < count; i++) out += (i > 0 ? pick(['\n\n', '\n\n', '\n', '\n\n\n', '\n \n']) : '') + block();
    return out + pick(['\n', '', '\n\n']);
  };
}
