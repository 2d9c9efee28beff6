import { describe, expect, it } from 'vitest';
import { parsePostFile, updatePostFile } from '../../../../shared/content/post-file';
import { AppFailure } from '../../../../shared/errors';
import type { JsonObject } from '../../../../shared/content/json-values';
import { JSON_POST } from './fixtures';

function save(original: string, change: (data: JsonObject) => void): string {
  const { data, body } = parsePostFile(original);
  const next = structuredClone(data);
  change(next);
  return updatePostFile(original, { frontMatter: next, body });
}

describe('JSON front matter', () => {
  it('changes scalars in place', () => {
    const saved = save(JSON_POST, (data) => {
      data.title = 'Tides';
      (data.params as JsonObject).weight = 3;
    });
    expect(saved).toBe(
      JSON_POST.replace('"title": "Tide Tables for Beginners"', '"title": "Tides"').replace(
        '"weight": 2',
        '"weight": 3',
      ),
    );
  });

  it('appends new members and re-serializes only an array that changed length', () => {
    const saved = save(JSON_POST, (data) => {
      data.author = 'Ivo';
      (data.tags as string[]).push('tides');
    });
    expect(saved).toBe(
      JSON_POST.replace('["sea", "maps"]', '["sea", "maps", "tides"]').replace(
        '    "weight": 2\n  }\n}',
        '    "weight": 2\n  },\n  "author": "Ivo"\n}',
      ),
    );
  });

  it('removes members with their comma, including the last one', () => {
    expect(save(JSON_POST, (data) => delete data.date)).toBe(JSON_POST.replace('  "date": "2025-10-01",\n', ''));
    expect(save(JSON_POST, (data) => delete data.params)).toBe(
      JSON_POST.replace(',\n  "params": {\n    "subtitle": "A quiet guide",\n    "weight": 2\n  }', ''),
    );
  });

  it('patches one-line objects in their own style', () => {
    const original = '{"title": "A", "n": 1}\nBody\n';
    expect(save(original, (data) => (data.extra = [1, 'two']))).toBe(
      '{"title": "A", "n": 1, "extra": [1, "two"]}\nBody\n',
    );
  });

  it('reports malformed JSON as invalid-front-matter with a line', () => {
    let caught: unknown;
    try {
      parsePostFile('{\n  "title": "A",\n  "n": ,\n}\nBody\n');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppFailure);
    expect((caught as AppFailure).code).toBe('invalid-front-matter');
    expect((caught as AppFailure).message).toBe(
      'The JSON front matter has a mistake on line 3: unexpected ",". Fix that line, then open the post again.',
    );
  });

  it('edits one item of a nested array in place and keeps every other byte, hand-made spacing included', () => {
    const original = [
      '{',
      '  "title": "Harbour Walks",',
      '  "params": {',
      '    "stops": [ {"name": "Pier",   "minutes": 5},',
      '               {"name": "Lighthouse", "minutes": 20} ],',
      '    "grid":  [[1, 2],  [3,   4]]',
      '  }',
      '}',
      'Start at the pier.',
      '',
    ].join('\n');
    const saved = save(original, (data) => {
      const params = data.params as JsonObject;
      ((params.stops as JsonObject[])[1] as JsonObject).minutes = 25;
      ((params.grid as number[][])[1] as number[])[0] = 30;
    });
    expect(saved).toBe(original.replace('"minutes": 20', '"minutes": 25').replace('[3,   4]', '[30,   4]'));
  });

  it('points a bad escape or a raw tab inside a string at that character', () => {
    expect(() => parsePostFile('{\n  "title": "Tides \\q"\n}\nBody\n')).toThrow(
      'The JSON front matter has a mistake on line 2: unexpected "\\\\".',
    );
    expect(() => parsePostFile('{\n  "n": 1,\n  "title": "Tides\tand"\n}\nBody\n')).toThrow(
      'The JSON front matter has a mistake on line 3: unexpected "\\t".',
    );
  });
});
