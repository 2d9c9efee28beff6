import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_INDEX_URL,
  appResponse,
  handleAppProtocol,
  registerSchemes,
  rendererFile,
} from '../../../../main/electron/app-protocol';
import { cspFromHtml, DEFAULT_CSP, securityHeaders } from '../../../../main/web/security';
import { makeTempDir, writeFiles } from '../workspace/temp-dir';
import { protocol } from './electron-stub';

vi.mock('electron', () => import('./electron-stub'));

const SECRET = 'ssh-ed25519 AAAA the writer’s key';
let base: string;
let dir: string;

beforeAll(() => {
  base = makeTempDir();
  dir = join(base, 'renderer');
  writeFiles(dir, {
    'index.html': '<!doctype html><title>Masthead</title>',
    'assets/index-3f2a.js': 'console.log(1)',
    'assets/index-3f2a.css': 'body{}',
    'assets/LiberationSans-Regular-9c1d.ttf': 'font bytes',
    'assets/logo.svg': '<svg/>',
    'assets/data.bin': 'opaque',
  });
  writeFiles(base, { 'secret.txt': SECRET, 'renderer-old/index.html': SECRET });
  mkdirSync(join(dir, 'empty-folder'));
  symlinkSync(join(base, 'secret.txt'), join(dir, 'linked.txt'));
  execFileSync('mkfifo', [join(dir, 'pipe.js')]);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => appResponse(url, method, dir);

describe('app:// protocol', () => {
  it('declares app:// and masthead-media: privileged in one call, and serves the page through protocol.handle', async () => {
    registerSchemes(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
      { scheme: 'masthead-media', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    handleAppProtocol(protocol, dir);
    const [scheme, handler] = protocol.handle.mock.calls.at(-1) as [string, (request: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const response = await handler(new Request(APP_INDEX_URL));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>Masthead</title>');
  });

  it.each([
    ['app://masthead/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Masthead</title>'],
    ['app://masthead/', 'text/html; charset=utf-8', '<!doctype html><title>Masthead</title>'],
    ['app://masthead/assets/index-3f2a.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['app://masthead/assets/index-3f2a.css?v=2#x', 'text/css; charset=utf-8', 'body{}'],
    ['app://masthead/assets/LiberationSans-Regular-9c1d.ttf', 'font/ttf', 'font bytes'],
    ['app://masthead/assets/logo.svg', 'image/svg+xml', '<svg/>'],
    ['app://masthead/assets/data.bin', 'application/octet-stream', 'opaque'],
  ])('serves %s as %s with the security headers', async (url, type, body) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe(`${DEFAULT_CSP}; frame-ancestors 'none'`);
    expect(await response.text()).toBe(body);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get(APP_INDEX_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get(APP_INDEX_URL, 'POST')).status).toBe(405);
  });

  it.each([
    'app://masthead/../secret.txt',
    'app://masthead/assets/../../secret.txt',
    'app://masthead/%2e%2e/secret.txt',
    'app://masthead/%2E%2E/%2e%2e/secret.txt',
    'app://masthead/..%2fsecret.txt',
    'app://masthead/%2e%2e%2fsecret.txt',
    'app://masthead/assets%2f..%2f..%2fsecret.txt',
    'app://masthead/..%5csecret.txt',
    'app://masthead/%5c..%5csecret.txt',
    'app://masthead/..%2frenderer-old/index.html',
    'app://masthead//etc/passwd',
    'app://masthead/%2fetc%2fpasswd',
    'app://masthead/C:%5cWindows%5cwin.ini',
    'app://masthead/index.html%00.js',
    'app://masthead/%E0%A4%A',
    'app://masthead/linked.txt',
    'app://masthead/empty-folder',
    'app://masthead/pipe.js',
    'app://masthead/missing.js',
    'app://evil/index.html',
    'app://user@masthead/index.html',
    'app://masthead:8080/index.html',
    'file:///etc/passwd',
  ])('refuses %s with 404 and nothing from outside the renderer folder', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('refuses an absolute path to a file outside, encoded or not', async () => {
    for (const url of [
      `app://masthead/${encodeURIComponent(join(base, 'secret.txt'))}`,
      `app://masthead${join(base, 'secret.txt')}`,
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain(SECRET);
    }
  });

  it('maps only safe paths to files inside the renderer folder', () => {
    expect(rendererFile('app://masthead/assets/index-3f2a.js', dir)).toBe(join(dir, 'assets', 'index-3f2a.js'));
    for (const url of [
      'app://masthead/%2e%2e%2fsecret.txt',
      'app://masthead/..%5csecret.txt',
      'app://masthead//etc/passwd',
      'app://masthead/%2fetc%2fpasswd',
      'app://masthead/C:%5cx',
      'app://masthead/a%00b',
    ]) {
      expect(rendererFile(url, dir), url).toBeNull();
    }
    expect(rendererFile('app://masthead/a/./b.js', dir)).toBe(join(dir, 'a', 'b.js'));
  });
});

describe('one Content-Security-Policy', () => {
  const meta = cspFromHtml(readFileSync(join(__dirname, '../../../../renderer/index.html'), 'utf8'));

  it('is the same text in the page’s meta tag, web mode’s header and the app:// header', async () => {
    expect(meta).toBe(DEFAULT_CSP);
    const webHeader = securityHeaders(meta!)['Content-Security-Policy'];
    const appHeader = (await get(APP_INDEX_URL)).headers.get('content-security-policy');
    expect(appHeader).toBe(webHeader);
    expect(appHeader).toBe(`${meta}; frame-ancestors 'none'`);
  });

  it('allows images from the page, repository media and https only — never plain http', () => {
    const imgSrc = DEFAULT_CSP.split('; ').find((directive) => directive.startsWith('img-src'));
    expect(imgSrc).toBe("img-src 'self' data: blob: masthead-media: https:");
    expect(DEFAULT_CSP).toContain("script-src 'self'");
    expect(DEFAULT_CSP).toContain("object-src 'none'");
  });
});
