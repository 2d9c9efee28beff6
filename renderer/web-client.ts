/**
 * The web-mode transport: the same MastheadBridge the Electron preload exposes, carried over HTTP to
 * the loopback server started by `masthead web`. Requests are POSTs with the session token in a
 * header; events arrive on one shared Server-Sent Events stream.
 */
import type { EventName, Events, MastheadBridge, RequestName } from '../shared/api';
import { isAppError, type AppError, type Outcome } from '../shared/errors';

/** Where the token is kept between reloads of the same tab (never in localStorage: it dies with the tab). */
export const TOKEN_STORAGE_KEY = 'masthead.token';

/** The browser facilities the client uses; tests pass fakes, the app uses the page's own. */
export interface WebClientEnvironment {
  fetch: typeof fetch;
  EventSource: typeof EventSource;
  storage: Storage | null;
  history: History;
}

// Browsers refuse keepalive requests whose bodies add up to more than 64 KiB; leave room for headers.
const KEEPALIVE_LIMIT = 60_000;

const UNREACHABLE =
  "Masthead's back end is not reachable. Check that the terminal where you ran `masthead web` is still running, then reload this page.";
const UNAUTHORIZED =
  'This page is not signed in to Masthead. Open the link printed in the terminal where you started Masthead (the one ending in #token=…).';

/** Builds the web-mode bridge for the page at `location`, taking the token from its `#token=` fragment. */
export function createWebBridge(location: Location, environment: Partial<WebClientEnvironment> = {}): MastheadBridge {
  const env: WebClientEnvironment = {
    fetch: environment.fetch ?? ((input, init) => fetch(input, init)),
    EventSource: environment.EventSource ?? EventSource,
    storage: environment.storage === undefined ? sessionStorageOrNull() : environment.storage,
    history: environment.history ?? history,
  };
  const token = takeToken(location, env);
  const origin = location.origin;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  return {
    async invoke(name, arg) {
      return (await request(name, arg)) as Outcome<never>;
    },
    mediaUrl(postPath, src) {
      // An <img> cannot send the token header, so it rides in the query as for the event stream.
      const query = new URLSearchParams({ post: postPath, src, token: token ?? '' });
      return `${origin}/api/media?${query.toString()}`;
    },
    on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void {
      const callback = listener as (payload: unknown) => void;
      let set = listeners.get(name);
      if (set === undefined) {
        const subscribers = new Set<(payload: unknown) => void>();
        set = subscribers;
        listeners.set(name, subscribers);
        // One stream for every event: browsers cap connections per host, and each open
        // EventSource holds one.
        source ??=
          token === null ? null : new env.EventSource(`${origin}/api/events?token=${encodeURIComponent(token)}`);
        source?.addEventListener(name, (event) => {
          let payload: unknown;
          try {
            payload = JSON.parse((event as MessageEvent<string>).data);
          } catch {
            return; // a frame we cannot read is dropped rather than handed to the UI half-parsed
          }
          for (const subscriber of [...subscribers]) subscriber(payload);
        });
      }
      set.add(callback);
      return () => {
        set.delete(callback);
      };
    },
  };

  async function request(name: RequestName, arg: unknown): Promise<Outcome<unknown>> {
    if (token === null) return failure({ code: 'unauthorized', message: UNAUTHORIZED });
    let response: Response;
    const payload = JSON.stringify({ arg });
    try {
      response = await env.fetch(`${origin}/api/request/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Masthead-Token': token },
        body: payload,
        cache: 'no-store',
        credentials: 'omit',
        // A journal write sent as the page goes away (reload, closed tab) must outlive it; browsers
        // only let small bodies do that, so a long post relies on having been journalled a second ago.
        ...(name === 'journal:write' && fitsKeepalive(payload) ? { keepalive: true } : {}),
      });
    } catch (error) {
      return failure({ code: 'internal', message: UNREACHABLE, detail: String(error) });
    }
    if (response.status === 401) return failure({ code: 'unauthorized', message: UNAUTHORIZED });
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (isOutcome(body)) return body;
    return failure({
      code: 'internal',
      message: `Masthead's back end gave an answer this page cannot read (HTTP ${response.status}). Reload the page; if it keeps happening, restart \`masthead web\`.`,
    });
  }
}

/**
 * Reads the token from `#token=…`, keeps it in sessionStorage and removes it from the address bar,
 * so a copied link does not carry it; on a reload (no fragment any more) it comes from storage.
 */
function takeToken(location: Location, env: WebClientEnvironment): string | null {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromHash = fragment.get('token');
  if (fromHash) {
    try {
      env.storage?.setItem(TOKEN_STORAGE_KEY, fromHash);
    } catch {
      // Storage may be disabled; the token still works until the page reloads.
    }
    fragment.delete('token');
    const rest = fragment.toString();
    env.history.replaceState(env.history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
    return fromHash;
  }
  try {
    return env.storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

// Every UTF-16 unit is at least one byte, so a long text is over the limit without encoding it.
function fitsKeepalive(payload: string): boolean {
  return payload.length < KEEPALIVE_LIMIT && new TextEncoder().encode(payload).length < KEEPALIVE_LIMIT;
}

function sessionStorageOrNull(): Storage | null {
  try {
    return sessionStorage;
  } catch {
    return null;
  }
}

function isOutcome(value: unknown): value is Outcome<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; value?: unknown; error?: unknown };
  if (candidate.ok === true) return 'value' in candidate;
  return candidate.ok === false && isAppError(candidate.error);
}

function failure(error: AppError): Outcome<never> {
  return { ok: false, error };
}
