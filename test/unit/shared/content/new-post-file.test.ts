import { describe, expect, it } from 'vitest';
import { createPostFile } from '../../../../shared/content/new-post-file';
import { parsePostFile } from '../../../../shared/content/post-file';

const data = {
  title: 'Harbour lights: a walk',
  date: '2026-11-22T09:30:00.000Z',
  draft: true,
  tags: ['walks', 'harbour'],
  seo: { title: 'Harbour lights', description: '' },
};

describe('createPostFile', () => {
  it('writes YAML front matter in block style that reads back as the same data', () => {
    const text = createPostFile('yaml', data, '');
    expect(text).toBe(
      '---\ntitle: "Harbour lights: a walk"\ndate: 2026-11-22T09:30:00.000Z\ndraft: true\ntags:\n  - walks\n  - harbour\nseo:\n  title: Harbour lights\n  description: ""\n---\n',
    );
    expect(parsePostFile(text).data).toEqual(data);
  });

  it.each(['toml', 'json'] as const)('writes %s front matter that reads back as the same data', (format) => {
    const text = createPostFile(format, data, 'First line.\n');
    const parsed = parsePostFile(text);
    expect(parsed.format).toBe(format);
    expect(parsed.data).toEqual(data);
    expect(parsed.body.trim()).toBe('First line.');
  });
});
