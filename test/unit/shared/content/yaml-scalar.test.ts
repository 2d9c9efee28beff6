import { describe, expect, it } from 'vitest';
import { doubleQuoted, isPlainSafe, renderYamlScalar } from '../../../../shared/content/yaml-scalar';
import type { ScalarPlacement } from '../../../../shared/content/yaml-scalar';

const atKey: ScalarPlacement = { parentColumn: 0, startColumn: 7, contentIndent: 2, foldWidth: 0, flow: false };

describe('isPlainSafe', () => {
  it('accepts ordinary text, URLs and dates', () => {
    for (const text of ['Mara Quill', 'https://example.org/a', '2025-11-04T08:30:00.000Z', 'C++ notes', 'a-b']) {
      expect(isPlainSafe(text, false)).toBe(true);
    }
  });

  it('rejects text that YAML 1.2 or 1.1 readers would read as something else', () => {
    for (const text of [
      '',
      ' lead',
      'trail ',
      'a: b',
      'x #y',
      '#tag',
      '@handle',
      '- item',
      'true',
      'yes',
      'On',
      '123',
      '0o17',
      'null',
      '~',
      '---',
      "'quoted'",
      'line\nbreak',
    ]) {
      expect(isPlainSafe(text, false), text).toBe(false);
    }
  });

  it('is stricter inside flow collections', () => {
    expect(isPlainSafe('a, b', false)).toBe(true);
    expect(isPlainSafe('a, b', true)).toBe(false);
  });
});

describe('renderYamlScalar', () => {
  it('keeps the requested style when it can hold the value', () => {
    expect(renderYamlScalar('Ana Bell', 'PLAIN', atKey)).toBe('Ana Bell');
    expect(renderYamlScalar("it's", 'QUOTE_SINGLE', atKey)).toBe("'it''s'");
    expect(renderYamlScalar('say "hi"', 'QUOTE_DOUBLE', atKey)).toBe('"say \\"hi\\""');
    expect(renderYamlScalar('a\nb\n', 'BLOCK_LITERAL', atKey)).toBe('|\n  a\n  b');
  });

  it('falls back to double quotes', () => {
    expect(renderYamlScalar('Ana: Bell', 'PLAIN', atKey)).toBe('"Ana: Bell"');
    expect(renderYamlScalar('tab\tand\nbreak', 'QUOTE_SINGLE', atKey)).toBe('"tab\\tand\\nbreak"');
    expect(renderYamlScalar('', 'PLAIN', atKey)).toBe('""');
    expect(renderYamlScalar('', 'QUOTE_SINGLE', atKey)).toBe("''");
  });

  it('writes numbers, booleans and null as plain scalars', () => {
    expect(renderYamlScalar(42, 'QUOTE_DOUBLE', atKey)).toBe('42');
    expect(renderYamlScalar(false, 'PLAIN', atKey)).toBe('false');
    expect(renderYamlScalar(null, 'PLAIN', atKey)).toBe('null');
  });

  it('folds long plain text at the width, never before an indicator such as -', () => {
    const placement = { parentColumn: 2, startColumn: 15, contentIndent: 4, foldWidth: 40, flow: false };
    expect(renderYamlScalar('one two three four five -six seven eight nine ten eleven', 'PLAIN', placement)).toBe(
      'one two three four\n    five -six seven eight nine ten\n    eleven',
    );
  });

  it('folds long double-quoted text the same way', () => {
    const placement = { parentColumn: 0, startColumn: 7, contentIndent: 2, foldWidth: 30, flow: false };
    expect(renderYamlScalar('alpha beta gamma delta epsilon zeta', 'QUOTE_DOUBLE', placement)).toBe(
      '"alpha beta gamma delta\n  epsilon zeta"',
    );
  });
});

describe('doubleQuoted', () => {
  it('escapes what YAML cannot hold raw', () => {
    expect(doubleQuoted('a\u0085b\u2028c')).toBe('"a\\u0085b\\u2028c"');
  });
});
