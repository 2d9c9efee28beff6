import { describe, expect, it } from 'vitest';
import {
  compileQuery,
  findInText,
  matchCountLabel,
  replacementFor,
  type FindQuery,
} from '../../../../../renderer/editor/find/find-matches';

const plain: FindQuery = { text: '', matchCase: false, wholeWord: false, regex: false };

function find(text: string, query: Partial<FindQuery>): string[] {
  const compiled = compileQuery({ ...plain, ...query });
  if (!compiled?.ok) throw new Error('no pattern');
  return findInText(text, compiled.pattern).map((match) => text.slice(match.start, match.end));
}

function replaceAll(text: string, query: Partial<FindQuery>, replacement: string): string {
  const full = { ...plain, ...query };
  const compiled = compileQuery(full);
  if (!compiled?.ok) throw new Error('no pattern');
  const matches = findInText(text, compiled.pattern);
  let out = text;
  for (const match of [...matches].reverse()) {
    out =
      out.slice(0, match.start) +
      replacementFor(text, match, replacement, full, compiled.pattern) +
      out.slice(match.end);
  }
  return out;
}

describe('find matching', () => {
  it('ignores case unless asked, and finds every occurrence', () => {
    expect(find('Harbour lights; harbour walls. HARBOUR.', { text: 'harbour' })).toEqual([
      'Harbour',
      'harbour',
      'HARBOUR',
    ]);
    expect(find('Harbour lights; harbour walls.', { text: 'harbour', matchCase: true })).toEqual(['harbour']);
  });

  it('takes the text literally when not searching by regex', () => {
    expect(find('Costs $5.00 (approx.) or 5x00', { text: '5.00 (approx.)' })).toEqual(['5.00 (approx.)']);
    expect(find('a.b axb', { text: 'a.b' })).toEqual(['a.b']);
    expect(find('path\\to [x]', { text: '\\to [x]' })).toEqual(['\\to [x]']);
  });

  it('matches whole words only when asked, in any script', () => {
    expect(find('cat catalogue concat cat.', { text: 'cat', wholeWord: true })).toEqual(['cat', 'cat']);
    expect(find('café cafés', { text: 'café', wholeWord: true })).toEqual(['café']);
    expect(find('caféx café', { text: 'caf', wholeWord: true })).toEqual([]);
  });

  it('searches by regex, skipping empty matches', () => {
    expect(find('v1.2 and v10.4', { text: 'v\\d+\\.\\d', regex: true })).toEqual(['v1.2', 'v10.4']);
    expect(find('abc', { text: 'x*', regex: true })).toEqual([]);
  });

  it('reports an invalid regex as a message instead of throwing', () => {
    const compiled = compileQuery({ ...plain, text: 'a(b', regex: true });
    expect(compiled).toMatchObject({ ok: false });
    expect(compiled && !compiled.ok && compiled.message).toMatch(/^Not a valid regular expression/);
    expect(compileQuery({ ...plain, text: '' })).toBeNull();
  });

  it('replaces literally, or with groups when searching by regex', () => {
    expect(replaceAll('Harbour and harbour', { text: 'harbour' }, 'Port $1')).toBe('Port $1 and Port $1');
    expect(
      replaceAll('2024-05-01 and 2025-12-31', { text: '(\\d{4})-(\\d\\d)-(\\d\\d)', regex: true }, '$3/$2/$1'),
    ).toBe('01/05/2024 and 31/12/2025');
    expect(replaceAll('tide', { text: '(?<w>ti)de', regex: true }, '[$<w>|$&|$$]')).toBe('[ti|tide|$]');
  });

  it('keeps lookarounds honest when replacing one match among several', () => {
    const text = 'foo1 foo2';
    const query = { ...plain, text: 'foo(?=2)', regex: true };
    const compiled = compileQuery(query);
    if (!compiled?.ok) throw new Error('no pattern');
    const [match] = findInText(text, compiled.pattern);
    expect(match).toEqual({ start: 5, end: 8 });
    expect(replacementFor(text, match!, 'bar$&', query, compiled.pattern)).toBe('barfoo');
  });

  it('counts as the bar shows it', () => {
    expect(matchCountLabel(2, 12)).toBe('3 of 12');
    expect(matchCountLabel(null, 0)).toBe('No results');
    expect(matchCountLabel(null, 4)).toBe('4 results');
  });
});
