import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../../main/web/server';
import { readMedia } from '../../../../main/workspace/media';
import type { Outcome } from '../../../../shared/errors';

const CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'";
const INDEX = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${CSP}"></head><body>Masthead</body></html>`;

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Send {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let root: string;
let rendererDir: string;
let server: WebServer;
const calls: { name: string; arg: unknown }[] = [];

/** A raw HTTP request, so tests control every header (Host included) the way an attacker could. */
function send(options: Send): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A POST to the request API with the right token unless the test overrides headers. */
function api(name: string, arg: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send({
    method: 'POST',
    path: `/api/request/${encodeURIComponent(name)}`,
    headers: { 'Content-Type': 'application/json', 'X-Masthead-Token': server.token, ...headers },
    body: JSON.stringify({ arg }),
  });
}

function outcome(reply: Reply): Outcome<unknown> {
  return JSON.parse(reply.body) as Outcome<unknown>;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'masthead-web-'));
  rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("masthead");\n');
  writeFileSync(join(rendererDir, 'assets', 'style.css'), 'body { margin: 0 }\n');
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer\n');
  writeFileSync(join(root, 'secret.png'), 'outside the repository');
  mkdirSync(join(root, 'repo', 'static', 'img'), { recursive: true });
  writeFileSync(join(root, 'repo', 'static', 'img', 'harbour.png'), PNG_BYTES);
  server = await startWebServer({
    readMedia: (postPath, src) => readMedia(join(root, 'repo'), postPath, src),
    rendererDir,
    port: 0,
    maxBodyBytes: 64 * 1024,
    heartbeatMs: 50,
    dispatch: async (name, arg) => {
      calls.push({ name, arg });
      if (name === 'post:save') throw new Error('disk on fire');
      return { ok: true, value: { name, arg } };
    },
  });
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('startWebServer', () => {
  it('listens on 127.0.0.1 only, on a random port, with a long random token', async () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.launchUrl).toBe(`${server.url}#token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const otherAddresses = [
      '::1',
      ...Object.values(networkInterfaces())
        .flat()
        .filter((i) => i && !i.internal && i.family === 'IPv4')
        .map((i) => i!.address),
    ];
    for (const address of otherAddresses) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port: server.port }, () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
      expect(reached, `reachable on ${address}`).toBe(false);
    }
  });

  it('answers a request with the token with a 200 Outcome from the back end', async () => {
    const reply = await api('post:read', { path: 'content/posts/a.md' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(outcome(reply)).toEqual({ ok: true, value: { name: 'post:read', arg: { path: 'content/posts/a.md' } } });
  });

  it('passes a null arg through', async () => {
    const reply = await api('app:info', null);
    expect(outcome(reply)).toEqual({ ok: true, value: { name: 'app:info', arg: null } });
  });

  it('refuses the API without a token or with a wrong one (401), before the back end sees it', async () => {
    const before = calls.length;
    const missing = await send({
      method: 'POST',
      path: '/api/request/app:info',
      headers: { 'Content-Type': 'application/json' },
      body: '{"arg":null}',
    });
    const wrong = await api('app:info', null, { 'X-Masthead-Token': `${server.token.slice(0, -1)}x` });
    const short = await api('app:info', null, { 'X-Masthead-Token': 'a' });
    for (const reply of [missing, wrong, short]) {
      expect(reply.status).toBe(401);
      const result = outcome(reply);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('unauthorized');
    }
    expect(calls.length).toBe(before);
  });

  it('refuses a foreign Host header (DNS rebinding) with 403, even with the token', async () => {
    const rebound = await api('app:info', null, { Host: `evil.example:${server.port}` });
    const otherPort = await api('app:info', null, { Host: `127.0.0.1:${server.port + 1}` });
    const page = await send({ path: '/', headers: { Host: 'evil.example' } });
    expect([rebound.status, otherPort.status, page.status]).toEqual([403, 403, 403]);
    const result = outcome(rebound);
    expect(!result.ok && result.error.code).toBe('forbidden');
  });

  it('accepts localhost:<port> as Host', async () => {
    const reply = await api('app:info', null, { Host: `localhost:${server.port}` });
    expect(reply.status).toBe(200);
  });

  it('refuses a foreign Origin with 403 and accepts its own', async () => {
    const foreign = await api('app:info', null, { Origin: 'http://evil.example' });
    const otherPort = await api('app:info', null, { Origin: `http://127.0.0.1:${server.port + 1}` });
    const nullOrigin = await api('app:info', null, { Origin: 'null' });
    expect([foreign.status, otherPort.status, nullOrigin.status]).toEqual([403, 403, 403]);
    const own = await api('app:info', null, { Origin: `http://127.0.0.1:${server.port}` });
    expect(own.status).toBe(200);
  });

  it('turns an unknown request name into an error outcome without reaching the back end', async () => {
    const before = calls.length;
    const reply = await api('fs:delete-everything', null);
    expect(reply.status).toBe(404);
    const result = outcome(reply);
    expect(!result.ok && result.error.code).toBe('bad-request');
    expect(calls.length).toBe(before);
  });

  it('returns a thrown back-end error as data', async () => {
    const reply = await api('post:save', {});
    expect(reply.status).toBe(200);
    const result = outcome(reply);
    expect(!result.ok && result.error.code).toBe('internal');
  });

  it('rejects malformed bodies, wrong methods and wrong content types', async () => {
    const headers = { 'Content-Type': 'application/json', 'X-Masthead-Token': server.token };
    const notJson = await send({ method: 'POST', path: '/api/request/app:info', headers, body: '{arg' });
    const noArg = await send({ method: 'POST', path: '/api/request/app:info', headers, body: '{}' });
    const form = await send({
      method: 'POST',
      path: '/api/request/app:info',
      headers: { ...headers, 'Content-Type': 'text/plain' },
      body: '{"arg":null}',
    });
    const get = await send({ path: '/api/request/app:info', headers });
    expect([notJson.status, noArg.status, form.status, get.status]).toEqual([400, 400, 415, 405]);
  });

  it('refuses a body over the size limit with 413', async () => {
    const reply = await api('post:save', { body: 'x'.repeat(100 * 1024) });
    expect(reply.status).toBe(413);
    const result = outcome(reply);
    expect(!result.ok && result.error.message).toMatch(/larger than 64 KB/);
  });

  it('refuses a streamed (chunked) body once it passes the limit', async () => {
    const reply = await new Promise<Reply>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/api/request/post:save',
          headers: {
            Host: `127.0.0.1:${server.port}`,
            'Content-Type': 'application/json',
            'X-Masthead-Token': server.token,
            'Transfer-Encoding': 'chunked',
          },
        },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.write('{"arg":"');
      for (let i = 0; i < 10; i++) req.write('y'.repeat(16 * 1024));
      req.end('"}');
    });
    expect(reply.status).toBe(413);
  });

  it('serves the built renderer without a token, with content types and security headers', async () => {
    const index = await send({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.body).toBe(INDEX);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(`${CSP}; frame-ancestors 'none'`);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['referrer-policy']).toBe('no-referrer');

    const script = await send({ path: '/assets/app.js' });
    expect([script.status, script.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
    const style = await send({ path: '/assets/style.css' });
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
    const missing = await send({ path: '/assets/nope.js' });
    expect(missing.status).toBe(404);
    const post = await send({ method: 'POST', path: '/index.html' });
    expect(post.status).toBe(405);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/%00.js',
    ]) {
      const reply = await send({ path });
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('outside the renderer');
    }
  });

  it('streams emitted events to a page holding the token, with heartbeats', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `/api/events?token=${server.token}`,
          headers: { Host: `127.0.0.1:${server.port}` },
        },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8');
            if (text.includes(': connected') && !text.includes('event:')) {
              server.emit('publish:progress', { path: 'content/posts/a.md', stage: 'pushing' });
            }
            if (text.includes('event: publish:progress') && text.includes(': heartbeat')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('event: publish:progress\ndata: {"path":"content/posts/a.md","stage":"pushing"}\n\n');
  });

  it('refuses the event stream without the right token', async () => {
    const none = await send({ path: '/api/events' });
    const wrong = await send({ path: '/api/events?token=nope' });
    expect([none.status, wrong.status]).toEqual([401, 401]);
  });

  describe('GET /api/media', () => {
    const media = (src: string, token: string | null = server.token) =>
      `/api/media?${new URLSearchParams({ post: 'content/posts/a.md', src, ...(token === null ? {} : { token }) }).toString()}`;

    it('serves a repository image with the token, as an image that cannot run scripts', async () => {
      const reply = await send({ path: media('/img/harbour.png') });
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('image/png');
      expect(reply.headers['content-length']).toBe(String(PNG_BYTES.length));
      expect(reply.headers['cache-control']).toBe('private, max-age=60');
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['content-security-policy']).toContain("script-src 'none'");
    });

    it('refuses without the token (401) or with a wrong one', async () => {
      expect((await send({ path: media('/img/harbour.png', null) })).status).toBe(401);
      expect((await send({ path: media('/img/harbour.png', 'nope') })).status).toBe(401);
    });

    it('answers 404 for a missing image and for paths that escape the repository', async () => {
      expect((await send({ path: media('/img/missing.png') })).status).toBe(404);
      for (const src of [
        '../../../secret.png',
        '/../secret.png',
        '%2e%2e/%2e%2e/%2e%2e/secret.png',
        `file://${join(root, 'secret.png')}`,
      ]) {
        const reply = await send({ path: media(src) });
        expect(reply.status, src).toBe(404);
        expect(reply.body).not.toContain('outside the repository');
      }
    });

    it('keeps the Host and Origin checks', async () => {
      expect((await send({ path: media('/img/harbour.png'), headers: { Host: 'evil.example' } })).status).toBe(403);
      expect(
        (await send({ path: media('/img/harbour.png'), headers: { Origin: 'https://evil.example' } })).status,
      ).toBe(403);
    });
  });
});
