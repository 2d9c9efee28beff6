import { describe, expect, it, vi } from 'vitest';
import { createWebBridge, TOKEN_STORAGE_KEY, type WebClientEnvironment } from '../../../renderer/web-client';

/** A Storage backed by a Map (the client only uses getItem/setItem). */
function memoryStorage(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, value),
  };
}

/** Records every EventSource the client opens and lets the test dispatch events on it. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  readonly handlers = new Map<string, ((event: { data: string }) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(name: string, handler: (event: { data: string }) => void): void {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
  }
  fire(name: string, data: string): void {
    for (const handler of this.handlers.get(name) ?? []) handler({ data });
  }
}

function setup(href: string, options: { storage?: Storage; fetch?: typeof fetch } = {}) {
  const location = new URL(href) as unknown as Location;
  const history = { state: { from: 'test' }, replaceState: vi.fn() };
  const storage = options.storage ?? memoryStorage();
  const fetchMock =
    options.fetch ??
    vi.fn(async () => new Response(JSON.stringify({ ok: true, value: { version: '1' } }), { status: 200 }));
  FakeEventSource.opened = [];
  const env: Partial<WebClientEnvironment> = {
    fetch: fetchMock,
    EventSource: FakeEventSource as unknown as typeof EventSource,
    storage,
    history: history as unknown as History,
  };
  return { bridge: createWebBridge(location, env), history, storage, fetchMock };
}

describe('createWebBridge', () => {
  it('takes the token from the fragment, stores it for this tab and removes it from the address bar', () => {
    const { history, storage } = setup('http://127.0.0.1:4000/?x=1#token=secret-token');
    expect(storage.getItem(TOKEN_STORAGE_KEY)).toBe('secret-token');
    expect(history.replaceState).toHaveBeenCalledWith({ from: 'test' }, '', '/?x=1');
  });

  it('builds same-origin media URLs that carry the post, the source and the token', () => {
    const { bridge } = setup('http://127.0.0.1:4000/#token=secret-token');
    const url = new URL(bridge.mediaUrl('content/posts/a.md', '/img/sea view&x.png'));
    expect(url.origin).toBe('http://127.0.0.1:4000');
    expect(url.pathname).toBe('/api/media');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      post: 'content/posts/a.md',
      src: '/img/sea view&x.png',
      token: 'secret-token',
    });
  });

  it('keeps other fragment parameters', () => {
    const { history } = setup('http://127.0.0.1:4000/#token=abc&view=library');
    expect(history.replaceState).toHaveBeenCalledWith({ from: 'test' }, '', '/#view=library');
  });

  it('falls back to the stored token after a reload', async () => {
    const { bridge, history, fetchMock } = setup('http://127.0.0.1:4000/', {
      storage: memoryStorage({ [TOKEN_STORAGE_KEY]: 'kept' }),
    });
    expect(history.replaceState).not.toHaveBeenCalled();
    await bridge.invoke('app:info', null);
    const init = vi.mocked(fetchMock).mock.calls[0]![1]!;
    expect((init.headers as Record<string, string>)['X-Masthead-Token']).toBe('kept');
  });

  it('POSTs the request with the token and returns the outcome', async () => {
    const { bridge, fetchMock } = setup('http://127.0.0.1:4000/#token=abc');
    const outcome = await bridge.invoke('post:read', { path: 'content/posts/a.md' });
    expect(outcome).toEqual({ ok: true, value: { version: '1' } });
    expect(fetchMock).toHaveBeenCalledWith('http://127.0.0.1:4000/api/request/post%3Aread', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Masthead-Token': 'abc' },
      body: JSON.stringify({ arg: { path: 'content/posts/a.md' } }),
      cache: 'no-store',
      credentials: 'omit',
    });
  });

  it('sends a journal write so it outlives a page being reloaded or closed, when it is small enough to', async () => {
    const { bridge, fetchMock } = setup('http://127.0.0.1:4000/#token=abc');
    const entry = {
      path: 'content/posts/a.md',
      baseVersion: 'v1',
      frontMatter: { title: 'Tides' },
      body: 'The tide came in.\n',
      editedAt: '2026-03-01T10:00:00.000Z',
    };
    await bridge.invoke('journal:write', entry);
    await bridge.invoke('journal:write', { ...entry, body: 'word '.repeat(20_000) });
    const [small, large] = vi.mocked(fetchMock).mock.calls.map((call) => call[1]!);
    expect(small).toMatchObject({ keepalive: true, body: JSON.stringify({ arg: entry }) });
    // Browsers refuse keepalive bodies over 64 KiB outright; a long post goes as a normal request.
    expect(large!.keepalive).toBeUndefined();
  });

  it('passes error outcomes through unchanged, whatever the status', async () => {
    const error = { code: 'bad-request', message: 'No such request.' };
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: false, error }), { status: 404 }));
    const { bridge } = setup('http://127.0.0.1:4000/#token=abc', { fetch: fetchMock });
    expect(await bridge.invoke('app:info', null)).toEqual({ ok: false, error });
  });

  it('reports an unreachable back end as a plain internal error', async () => {
    const fetchMock = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const { bridge } = setup('http://127.0.0.1:4000/#token=abc', { fetch: fetchMock });
    const outcome = await bridge.invoke('app:info', null);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('internal');
      expect(outcome.error.message).toMatch(/^Masthead's back end is not reachable/);
    }
  });

  it('turns a 401 into an unauthorized error that points at the terminal link', async () => {
    const fetchMock = vi.fn(async () => new Response('', { status: 401 }));
    const { bridge } = setup('http://127.0.0.1:4000/#token=abc', { fetch: fetchMock });
    const outcome = await bridge.invoke('app:info', null);
    expect(!outcome.ok && outcome.error.code).toBe('unauthorized');
    expect(!outcome.ok && outcome.error.message).toMatch(/link printed in the terminal/);
  });

  it('does not call the server at all without a token', async () => {
    const { bridge, fetchMock } = setup('http://127.0.0.1:4000/');
    const outcome = await bridge.invoke('app:info', null);
    expect(!outcome.ok && outcome.error.code).toBe('unauthorized');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('treats an unreadable answer as an internal error', async () => {
    const fetchMock = vi.fn(async () => new Response('<html>proxy error</html>', { status: 502 }));
    const { bridge } = setup('http://127.0.0.1:4000/#token=abc', { fetch: fetchMock });
    const outcome = await bridge.invoke('app:info', null);
    expect(!outcome.ok && outcome.error.code).toBe('internal');
  });

  it('shares one EventSource for every event and delivers parsed payloads until unsubscribed', () => {
    const { bridge } = setup('http://127.0.0.1:4000/#token=a b');
    const progress = vi.fn();
    const menu = vi.fn();
    const stop = bridge.on('publish:progress', progress);
    bridge.on('menu:command', menu);
    expect(FakeEventSource.opened).toHaveLength(1);
    const source = FakeEventSource.opened[0]!;
    expect(source.url).toBe('http://127.0.0.1:4000/api/events?token=a%20b');

    source.fire('publish:progress', '{"path":"p.md","stage":"pushing"}');
    source.fire('menu:command', '{"command":"save"}');
    source.fire('publish:progress', 'not json');
    expect(progress).toHaveBeenCalledExactlyOnceWith({ path: 'p.md', stage: 'pushing' });
    expect(menu).toHaveBeenCalledExactlyOnceWith({ command: 'save' });

    stop();
    source.fire('publish:progress', '{"path":"p.md","stage":"done"}');
    expect(progress).toHaveBeenCalledTimes(1);
  });
});
