/**
 * Serves the built renderer (out/renderer) read-only: GET/HEAD of files inside that folder, with
 * the right content types, and nothing outside it however the path is spelled.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { IMAGE_TYPES } from '../workspace/media';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  ...IMAGE_TYPES,
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file name; unknown kinds are served as opaque bytes (never sniffed). */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside `root`, or null when it would leave it. `/` is index.html.
 * The path is percent-decoded first so `%2e%2e/` cannot slip past the containment check.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const target = resolve(base, relative);
  return target.startsWith(base + sep) ? target : null;
}

/** Sends the static file for `urlPath`, or a 404; `headers` are the server's security headers. */
export async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
  urlPath: string,
  headers: Record<string, string>,
): Promise<void> {
  const target = resolveStaticPath(root, urlPath);
  const file = target === null ? null : await containedFile(root, target);
  if (file === null) {
    sendText(response, 404, 'Not found.', headers);
    return;
  }
  response.writeHead(200, {
    ...headers,
    'Content-Type': contentTypeFor(file.path),
    'Content-Length': String(file.size),
    // The renderer is rebuilt in place between runs; revalidating keeps a stale bundle from loading.
    'Cache-Control': 'no-cache',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file.path)
    .on('error', () => response.destroy())
    .pipe(response);
}

/** Resolves symlinks and confirms the real file is still inside the real root. */
async function containedFile(root: string, target: string): Promise<{ path: string; size: number } | null> {
  try {
    const [realRoot, realTarget] = await Promise.all([realpath(root), realpath(target)]);
    if (!realTarget.startsWith(realRoot + sep)) return null;
    const info = await stat(realTarget);
    return info.isFile() ? { path: realTarget, size: info.size } : null;
  } catch {
    return null;
  }
}

/** Sends a short plain-text response. */
export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string>,
): void {
  const body = Buffer.from(`${text}\n`, 'utf8');
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
  });
  response.end(body);
}
