import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { electronMediaUrl } from '../../../../shared/api';
import { handleMediaProtocol, mediaResponse } from '../../../../main/electron/media-protocol';
import { readMedia } from '../../../../main/workspace/media';
import { makeTempDir, writeFiles } from '../workspace/temp-dir';
import { protocol } from './electron-stub';

vi.mock('electron', () => import('./electron-stub'));

let base: string;
let root: string;
const POST = 'content/posts/a.md';
const read = (postPath: string, src: string) => readMedia(root, postPath, src);

beforeAll(() => {
  base = makeTempDir();
  root = join(base, 'repo');
  writeFiles(root, { [POST]: '# A\n', 'static/img/a.png': 'png bytes' });
  writeFileSync(join(base, 'secret.png'), 'outside the repository');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('masthead-media protocol', () => {
  it('registers its handler on the protocol module', async () => {
    handleMediaProtocol(protocol, read);
    const [scheme, handler] = protocol.handle.mock.calls.at(-1) as [string, (request: Request) => Promise<Response>];
    expect(scheme).toBe('masthead-media');
    const response = await handler(new Request(electronMediaUrl(POST, '/img/a.png')));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(await response.text()).toBe('png bytes');
  });

  it.each([
    '../../../secret.png',
    '/../secret.png',
    '%2e%2e/%2e%2e/%2e%2e/secret.png',
    `file://${'/etc/passwd'}`,
    '/img/missing.png',
  ])('refuses %j with 404 and never reads outside the repository', async (src) => {
    const response = await mediaResponse(electronMediaUrl(POST, src), 'GET', read);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the repository');
  });

  it('refuses other hosts, missing parameters and other methods', async () => {
    expect((await mediaResponse('masthead-media://other/?post=a.md&src=a.png', 'GET', read)).status).toBe(400);
    expect((await mediaResponse('masthead-media://media/?post=a.md', 'GET', read)).status).toBe(400);
    expect((await mediaResponse(electronMediaUrl(POST, '/img/a.png'), 'POST', read)).status).toBe(405);
  });
});
