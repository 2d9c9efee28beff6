// A FIFO named like an image (or a post) must never be opened for reading: open() on a FIFO waits
// for a writer forever and holds one of Node's four I/O threads, so a handful of requests for it
// froze every file operation of the web server.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../../main/web/server';
import { readMedia } from '../../../../main/workspace/media';
import { readPost } from '../../../../main/workspace/posts';
import { makeTempDir } from '../workspace/temp-dir';

const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const POST = 'content/posts/harbour.md';

let root: string;
let server: WebServer;

function getMedia(src: string): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  const query = new URLSearchParams({ post: POST, src, token: server.token });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/api/media?${query}`,
        headers: { Host: `127.0.0.1:${server.port}` },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Date.now() - started }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  root = makeTempDir('masthead-fifo-');
  mkdirSync(join(root, 'static', 'img'), { recursive: true });
  mkdirSync(join(root, 'content', 'posts'), { recursive: true });
  writeFileSync(join(root, POST), '---\ntitle: Harbour\n---\n![Boats](/img/boats.png)\n');
  writeFileSync(join(root, 'static', 'img', 'boats.png'), PNG_BYTES);
  execFileSync('mkfifo', [join(root, 'static', 'img', 'pipe.png'), join(root, 'content', 'posts', 'pipe.md')]);
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Masthead</title>');
  server = await startWebServer({
    readMedia: (postPath, src) => readMedia(root, postPath, src),
    rendererDir,
    port: 0,
    dispatch: async () => ({ ok: true, value: null }),
  });
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('media requests for a FIFO named like an image', () => {
  it('are answered "not found" at once, eight at a time, and real images still load', async () => {
    const replies = await Promise.all(Array.from({ length: 8 }, () => getMedia('/img/pipe.png')));
    for (const reply of replies) {
      expect(reply.status).toBe(404);
      expect(reply.ms).toBeLessThan(2000);
    }
    const real = await getMedia('/img/boats.png');
    expect(real.status).toBe(200);
  }, 10_000);

  it('a FIFO named like a post is refused with a plain reason, not waited on', async () => {
    const started = Date.now();
    await expect(readPost(root, 'content/posts/pipe.md')).rejects.toMatchObject({
      code: 'io',
      message: expect.stringMatching(/not a regular file/),
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await readPost(root, POST)).frontMatter).toEqual({ title: 'Harbour' });
  }, 10_000);
});
