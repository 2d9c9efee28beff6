import { describe, expect, it } from 'vitest';
import { scanToml } from '../../../../shared/content/toml-scan';

describe('scanToml', () => {
  it('locates entries, multi-line values and headers', () => {
    const source =
      'a = "x" # note\n"b.c".d = [\n  1, # one\n  2,\n]\ns = """\nhi\n"""\n\n[t.\'u v\']\ne = 2025-01-01 09:00:00\n[[arr]]\nf = 1\n';
    const layout = scanToml(source);
    expect(layout).not.toBeNull();
    const entries = layout?.entries ?? [];
    expect(
      entries.map((entry) => [
        entry.table,
        entry.key,
        source.slice(entry.valueStart, entry.valueEnd),
        entry.inArrayTable,
      ]),
    ).toEqual([
      [[], ['a'], '"x"', false],
      [[], ['b.c', 'd'], '[\n  1, # one\n  2,\n]', false],
      [[], ['s'], '"""\nhi\n"""', false],
      [['t', 'u v'], ['e'], '2025-01-01 09:00:00', false],
      [['arr'], ['f'], '1', true],
    ]);
    expect(layout?.headers.map((header) => [header.path, header.array])).toEqual([
      [['t', 'u v'], false],
      [['arr'], true],
    ]);
    expect(source.slice(entries[0]?.lineStart, entries[0]?.nextLine)).toBe('a = "x" # note\n');
  });

  it('returns null for text it does not follow', () => {
    expect(scanToml('a = "unclosed\n')).toBeNull();
    expect(scanToml('no equals sign\n')).toBeNull();
  });
});
