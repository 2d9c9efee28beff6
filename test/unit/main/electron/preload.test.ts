import { describe, expect, it, vi } from 'vitest';
import { eventChannel, requestChannel, type MastheadBridge } from '../../../../shared/api';
import { contextBridge, ipcRenderer } from './electron-stub';

vi.mock('electron', () => import('./electron-stub'));

/** Loads the preload as Electron would and returns what it exposed. */
async function exposed(): Promise<{ key: string; api: MastheadBridge }> {
  await import('../../../../main/electron/preload');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [key, api] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, MastheadBridge];
  return { key, api };
}

describe('preload', () => {
  it('exposes exactly one object, `masthead`, with invoke, on and mediaUrl', async () => {
    const { key, api } = await exposed();
    expect(key).toBe('masthead');
    expect(Object.keys(api).sort()).toEqual(['invoke', 'mediaUrl', 'on']);
  });

  it('builds masthead-media URLs that carry the post and the source', async () => {
    const { api } = await exposed();
    const url = new URL(api.mediaUrl('content/posts/a b.md', '/img/x&y.png'));
    expect(url.protocol).toBe('masthead-media:');
    expect(url.host).toBe('media');
    expect(url.searchParams.get('post')).toBe('content/posts/a b.md');
    expect(url.searchParams.get('src')).toBe('/img/x&y.png');
  });

  it('invokes requests on their contract channel', async () => {
    const { api } = await exposed();
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: [] });
    await expect(api.invoke('posts:list', {})).resolves.toEqual({ ok: true, value: [] });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(requestChannel('posts:list'), {});
  });

  it('refuses names outside the contract without touching IPC', async () => {
    const { api } = await exposed();
    ipcRenderer.invoke.mockClear();
    const outcome = await api.invoke('electron-store-get-data' as never, null as never);
    expect(!outcome.ok && outcome.error.code).toBe('bad-request');
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    expect(() => api.on('some:other' as never, () => undefined)).toThrow(/no event named/);
  });

  it('delivers only the payload of an event, until unsubscribed', async () => {
    const { api } = await exposed();
    const listener = vi.fn();
    const off = api.on('menu:command', listener);
    const [channel, forward] = ipcRenderer.on.mock.calls.at(-1) as [string, (event: unknown, payload: unknown) => void];
    expect(channel).toBe(eventChannel('menu:command'));
    forward({ sender: 'secret' }, { command: 'save' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ command: 'save' });
    off();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(channel, forward);
  });
});
