/**
 * Web mode: the same contract as Electron IPC, served over HTTP on 127.0.0.1 to a browser, plus the
 * built renderer itself. Loopback is not a security boundary by itself (any page the writer opens can
 * aim requests at localhost), so the API demands a random token and every request must name this
 * server in its Host header and, when it carries one, in its Origin.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { REQUEST_NAMES, type EmitEvent, type RequestName } from '../../shared/api';
import { toAppError, type AppError, type Outcome } from '../../shared/errors';
import { createEventStream } from './event-stream';
import type { MediaReader } from '../workspace/media';
import { MEDIA_PATH, serveMedia } from './media-route';
import {
  cspFromHtml,
  createToken,
  DEFAULT_CSP,
  hostAllowed,
  originAllowed,
  securityHeaders,
  tokenMatches,
} from './security';
import { sendText, serveStatic } from './static-files';

/** Runs one named request against the back end and reports the result as data. */
export type RequestDispatcher = (name: string, arg: unknown) => Promise<Outcome<unknown>>;

/** What `startWebServer` needs. */
export interface WebServerOptions {
  /** Usually `(name, arg) => dispatch(backend, name, arg)`. */
  dispatch: RequestDispatcher;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 or absent: any free port. */
  port?: number;
  /** Fixed token (tests); a random one otherwise. */
  token?: string;
  /** Largest accepted request body; bigger ones get 413. */
  maxBodyBytes?: number;
  /** Interval of the event stream's keep-alive comments. */
  heartbeatMs?: number;
  /** Serves `GET /api/media` (usually the back end's `readMedia`); absent: every image is 404. */
  readMedia?: MediaReader;
}

/** A running web-mode server. */
export interface WebServer {
  /** Always the loopback address: the server never listens anywhere else. */
  host: '127.0.0.1';
  port: number;
  /** The page's address, e.g. `http://127.0.0.1:5173/`. */
  url: string;
  token: string;
  /** The address to open in a browser: `url` with the token in the fragment (never sent to servers). */
  launchUrl: string;
  /** Pushes an event to every connected page. */
  emit: EmitEvent;
  /** Ends the event streams and open connections, then stops listening. */
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
const DEFAULT_MAX_BODY = 16 * 1024 * 1024;
/** Body limit of 'media:import': a 20 MB image as base64 plus the JSON around it. */
const MEDIA_IMPORT_MAX_BODY = 28 * 1024 * 1024;
const REQUEST_PREFIX = '/api/request/';
const EVENTS_PATH = '/api/events';
const TOKEN_HEADER = 'x-masthead-token';

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: AppError,
  ) {
    super(error.message);
  }
}

/** Starts the server on 127.0.0.1 and resolves once it is listening. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? createToken();
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const events = createEventStream(options.heartbeatMs);
  const headers = securityHeaders(readRendererCsp(options.rendererDir));
  let port = 0;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendOutcome(response, 500, { ok: false, error: toAppError(error) }, headers);
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', `http://${LOOPBACK}`);
    const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
    const refuse = (status: number, error: AppError): void => {
      if (isApi) sendOutcome(response, status, { ok: false, error }, headers);
      else sendText(response, status, error.message, headers);
    };

    if (!hostAllowed(request, port)) {
      refuse(403, { code: 'forbidden', message: `Masthead only answers requests addressed to 127.0.0.1:${port}.` });
      return;
    }
    if (!originAllowed(request, port)) {
      refuse(403, { code: 'forbidden', message: 'Requests from other sites are not allowed.' });
      return;
    }
    if (!isApi) {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.setHeader('Allow', 'GET, HEAD');
        refuse(405, { code: 'bad-request', message: 'Only GET and HEAD are allowed here.' });
        return;
      }
      await serveStatic(request, response, options.rendererDir, url.pathname, headers);
      return;
    }

    if (url.pathname === EVENTS_PATH) {
      if (request.method !== 'GET') {
        response.setHeader('Allow', 'GET');
        refuse(405, { code: 'bad-request', message: 'The event stream is read with GET.' });
      } else if (!tokenMatches(url.searchParams.get('token'), token)) {
        refuse(401, unauthorized());
      } else {
        events.attach(response, headers);
      }
      return;
    }

    if (url.pathname === MEDIA_PATH) {
      // Like the event stream, an <img> cannot send headers: the token is in the query.
      await serveMedia(request, response, url, {
        readMedia: options.readMedia,
        authorized: (presented) => tokenMatches(presented, token),
        refuse,
        headers,
      });
      return;
    }

    if (!url.pathname.startsWith(REQUEST_PREFIX)) {
      refuse(404, { code: 'bad-request', message: `There is no API at ${url.pathname}.` });
      return;
    }
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST');
      refuse(405, { code: 'bad-request', message: 'Requests are sent with POST.' });
      return;
    }
    // The token is checked before the body is read: strangers do not get to make us buffer 16 MB.
    const presented = request.headers[TOKEN_HEADER];
    if (!tokenMatches(typeof presented === 'string' ? presented : null, token)) {
      refuse(401, unauthorized());
      return;
    }
    try {
      const name = requestName(url.pathname.slice(REQUEST_PREFIX.length));
      // An image import carries up to 20 MB as base64 (about 27 MB); every other request keeps the usual limit.
      const arg = await readArg(request, name === 'media:import' ? Math.max(maxBody, MEDIA_IMPORT_MAX_BODY) : maxBody);
      const outcome = await options
        .dispatch(name, arg)
        .catch((error: unknown) => ({ ok: false as const, error: toAppError(error) }));
      sendOutcome(response, 200, outcome, headers);
    } catch (error) {
      if (!(error instanceof HttpFailure)) throw error;
      if (error.status === 413) response.setHeader('Connection', 'close');
      refuse(error.status, error.error);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://${LOOPBACK}:${port}/`;

  return {
    host: LOOPBACK,
    port,
    url,
    token,
    launchUrl: `${url}#token=${token}`,
    emit: (name, payload) => events.emit(name, payload),
    close: () =>
      new Promise<void>((resolve, reject) => {
        events.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The policy the renderer's index.html declares, so web mode runs under the same CSP as Electron. */
function readRendererCsp(rendererDir: string): string {
  const index = join(rendererDir, 'index.html');
  return (existsSync(index) && cspFromHtml(readFileSync(index, 'utf8'))) || DEFAULT_CSP;
}

function unauthorized(): AppError {
  return {
    code: 'unauthorized',
    message:
      'This page is not signed in to Masthead. Open the link printed in the terminal where Masthead was started.',
  };
}

/** Decodes and allow-lists the request name, so unknown names never reach the back end. */
function requestName(encoded: string): RequestName {
  let name: string;
  try {
    name = decodeURIComponent(encoded);
  } catch {
    name = encoded;
  }
  if (!(REQUEST_NAMES as string[]).includes(name)) {
    throw new HttpFailure(404, { code: 'bad-request', message: `Masthead has no request named "${name}".` });
  }
  return name as RequestName;
}

/** Reads a JSON `{ "arg": … }` body of at most `limit` bytes. */
async function readArg(request: IncomingMessage, limit: number): Promise<unknown> {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpFailure(415, { code: 'bad-request', message: 'Requests must be sent as application/json.' });
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(request, limit);

  const raw = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Plain listeners rather than for-await: leaving a for-await loop early destroys the socket,
    // and the client would see a reset instead of the 413.
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      request.off('data', onData);
      reject(tooLarge(request, limit));
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpFailure(400, { code: 'bad-request', message: 'The request body is not valid JSON.' });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('arg' in body)) {
    throw new HttpFailure(400, {
      code: 'bad-request',
      message: 'The request body must be a JSON object with an "arg" field.',
    });
  }
  return (body as { arg: unknown }).arg;
}

function tooLarge(request: IncomingMessage, limit: number): HttpFailure {
  // Drain the rest so the client reads our answer instead of a reset connection.
  request.resume();
  const size =
    limit >= 1024 * 1024 ? `${Math.floor(limit / (1024 * 1024))} MB` : `${Math.max(1, Math.floor(limit / 1024))} KB`;
  return new HttpFailure(413, {
    code: 'bad-request',
    message: `The request is larger than ${size}, the most Masthead accepts.`,
  });
}

function sendOutcome(
  response: ServerResponse,
  status: number,
  outcome: Outcome<unknown>,
  headers: Record<string, string>,
): void {
  const body = Buffer.from(JSON.stringify(outcome), 'utf8');
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
  });
  response.end(body);
}
