import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../../main/web/server';
import { MAX_MEDIA_BASE64 } from '../../../../shared/api/args';

let root: string;
let server: WebServer;
const received: { name: string; size: number }[] = [];

/** POSTs `{ arg }` to a request and resolves with the HTTP status. */
function post(name: string, arg: unknown): Promise<number> {
  const body = JSON.stringify({ arg });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: `/api/request/${name}`,
        headers: {
          Host: `127.0.0.1:${server.port}`,
          'Content-Type': 'application/json',
          'X-Masthead-Token': server.token,
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'masthead-web-media-'));
  mkdirSync(join(root, 'renderer'));
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  // The default body limit (16 MB), as the app runs.
  server = await startWebServer({
    rendererDir: join(root, 'renderer'),
    port: 0,
    readMedia: () => Promise.reject(new Error('no media here')),
    dispatch: async (name, arg) => {
      received.push({ name, size: JSON.stringify(arg).length });
      return { ok: true, value: null };
    },
  });
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the web server and image imports', () => {
  it('accepts a 20 MB image as base64 on media:import, while other requests keep the 16 MB limit', async () => {
    const data = 'A'.repeat(MAX_MEDIA_BASE64);
    expect(await post('media:import', { post: 'content/a.md', name: 'big.png', data })).toBe(200);
    expect(received.at(-1)).toMatchObject({ name: 'media:import' });
    expect(await post('post:save', { body: data })).toBe(413);
    expect(received.some((call) => call.name === 'post:save')).toBe(false);
  });
});
