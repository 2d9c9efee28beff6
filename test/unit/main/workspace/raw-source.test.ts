import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPost } from '../../../../main/workspace/posts';
import { readRawPost, recreatePost, saveRawPost } from '../../../../main/workspace/raw-source';
import { tempSites } from './temp-dir';

const site = tempSites('masthead-raw-');
const DUPLICATE = '---\ntitle: Night ferry\ndate: 2026-03-02\ntitle: The night ferry\n---\nWe crossed at midnight.\r\n';
const latin1 = (text: string): Uint8Array => Uint8Array.from([...text].map((char) => char.charCodeAt(0)));

describe('readRawPost / saveRawPost', () => {
  it('gives a post with a duplicate key as its exact text, with the parser’s message and line, and saves the fix byte for byte', async () => {
    const root = site({ 'content/posts/ferry.md': DUPLICATE });
    await expect(readPost(root, 'content/posts/ferry.md')).rejects.toMatchObject({ code: 'invalid-front-matter' });
    const raw = await readRawPost(root, 'content/posts/ferry.md');
    expect(raw.text).toBe(DUPLICATE);
    expect(raw.converted).toBeNull();
    expect(raw.problem).toMatchObject({ kind: 'front-matter', line: 4, message: expect.stringMatching(/unique/) });

    const fixed = DUPLICATE.replace('title: Night ferry\n', '');
    const saved = await saveRawPost(root, { path: 'content/posts/ferry.md', baseVersion: raw.version, text: fixed });
    expect(saved.written).toBe(true);
    expect(readFileSync(join(root, 'content/posts/ferry.md'), 'utf8')).toBe(fixed);
    expect((await readPost(root, 'content/posts/ferry.md')).frontMatter).toMatchObject({ title: 'The night ferry' });
    expect((await readRawPost(root, 'content/posts/ferry.md')).problem).toBeNull();
  });

  it('offers a Latin-1 post converted from Windows-1252, and writes the conversion as UTF-8', async () => {
    const root = site({});
    writeFileSync(
      join(root, 'cafe.md'),
      latin1('---\ntitle: Caf\u00e9 \u0093Le Port\u0094\n---\nCr\u00e8me br\u00fbl\u00e9e.\n'),
    );
    const raw = await readRawPost(root, 'cafe.md');
    expect(raw.text).toBeNull();
    expect(raw.problem).toMatchObject({ kind: 'not-utf8', line: 2 });
    expect(raw.converted).toBe('---\ntitle: Café “Le Port”\n---\nCrème brûlée.\n');
    await saveRawPost(root, { path: 'cafe.md', baseVersion: raw.version, text: raw.converted! });
    expect(readFileSync(join(root, 'cafe.md'), 'utf8')).toBe('---\ntitle: Café “Le Port”\n---\nCrème brûlée.\n');
    expect((await readPost(root, 'cafe.md')).frontMatter).toEqual({ title: 'Café “Le Port”' });
  });

  it('calls a binary file binary and offers no conversion', async () => {
    const root = site({});
    writeFileSync(
      join(root, 'photo.md'),
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    );
    const raw = await readRawPost(root, 'photo.md');
    expect(raw).toMatchObject({ text: null, converted: null, problem: { kind: 'binary' } });
  });

  it('refuses a fix based on a version the file no longer has, writing nothing', async () => {
    const root = site({ 'content/posts/ferry.md': DUPLICATE });
    const raw = await readRawPost(root, 'content/posts/ferry.md');
    writeFileSync(join(root, 'content/posts/ferry.md'), `${DUPLICATE}Another app added this.\n`);
    await expect(
      saveRawPost(root, { path: 'content/posts/ferry.md', baseVersion: raw.version, text: 'mine' }),
    ).rejects.toMatchObject({ code: 'changed-on-disk' });
    expect(readFileSync(join(root, 'content/posts/ferry.md'), 'utf8')).toContain('Another app added this.');
  });
});

describe('recreatePost', () => {
  it('writes a post deleted while open back at its path, in its own front-matter syntax, and never overwrites', async () => {
    const root = site({ 'content/posts/tide.md': '+++\ntitle = "Tide"\n+++\nLow water at six.\n' });
    const doc = await readPost(root, 'content/posts/tide.md');
    rmSync(join(root, 'content/posts/tide.md'));
    const request = {
      path: doc.path,
      baseVersion: doc.version,
      frontMatter: { title: 'Tide, again' },
      body: 'Low water at seven.\n',
    };
    const result = await recreatePost(root, request, doc.format);
    expect(result.written).toBe(true);
    expect(readFileSync(join(root, 'content/posts/tide.md'), 'utf8')).toBe(
      '+++\ntitle = "Tide, again"\n+++\nLow water at seven.\n',
    );
    expect((await readPost(root, 'content/posts/tide.md')).version).toBe(result.version);
    await expect(recreatePost(root, { ...request, body: 'Overwrite?\n' }, doc.format)).rejects.toMatchObject({
      code: 'changed-on-disk',
    });
    expect(readFileSync(join(root, 'content/posts/tide.md'), 'utf8')).toContain('Low water at seven.');
  });
});
