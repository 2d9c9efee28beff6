// Everything the editor cannot open is an error in `masthead check`: a Latin-1 post from an old
// blog engine, an image saved as `.md`, and a long post whose only bad byte is far down its body.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../../../main/cli/context';
import { runCli } from '../../../../main/cli/run';
import { tempSites } from '../workspace/temp-dir';

const site = tempSites('masthead-check-encoding-');
const APP_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

describe('masthead check on files the editor cannot open', () => {
  it('reports non-UTF-8, binary and duplicate-key .md files as errors, with the line of the first bad byte', async () => {
    const root = site({ 'content/posts/fine.md': '---\ntitle: Fine\n---\nPlain words.\n' });
    writeFileSync(join(root, 'content/posts/cafe.md'), bytes('---\ntitle: Caf', [0xe9], ' du port\n---\nOld words.\n'));
    writeFileSync(
      join(root, 'content/posts/photo.md'),
      bytes([0x89], 'PNG\r\n', [0x1a], '\n', [0, 0, 0, 0x0d], 'IHDR'),
    );
    // The index reads the first 16 KB of a post; this one's Latin-1 byte comes after 30 KB of body.
    writeFileSync(
      join(root, 'content/posts/long.md'),
      bytes('---\ntitle: Long\n---\n', 'The tide came in slowly.\n'.repeat(1200), 'na', [0xef], 've\n'),
    );
    // A duplicate key: the editor refuses it, so check does too.
    writeFileSync(join(root, 'content/posts/twice.md'), '---\ntitle: Once\ntitle: Twice\n---\nEcho.\n');
    const out: string[] = [];
    const context: CliContext = {
      out: (line) => out.push(line),
      err: () => undefined,
      env: {},
      cwd: root,
      appRoot: APP_ROOT,
      shutdown: new AbortController().signal,
    };
    const code = await runCli(['check', '--no-seo'], context);
    const text = out.join('\n');
    expect(code).toBe(1);
    expect(text).toMatch(/content\/posts\/cafe\.md\n {2}error {3}.*not UTF-8 text \(byte 0xE9 on line 2\)/);
    expect(text).toMatch(/content\/posts\/photo\.md\n {2}error {3}.*binary file, not text \(a NUL byte on line 3\)/);
    expect(text).toMatch(
      /content\/posts\/long\.md\n {2}error {3}line 1204: .*not UTF-8 text \(byte 0xEF on line 1204\)/,
    );
    expect(text).toMatch(/content\/posts\/twice\.md\n {2}error {3}.*line 3: Map keys must be unique/);
    expect(text).not.toContain('fine.md');
    expect(out.at(-1)).toBe('5 entries, 4 errors, 0 warnings');
  });
});
