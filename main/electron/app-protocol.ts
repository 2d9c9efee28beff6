/**
 * The `app://masthead/` scheme: how the desktop window loads the built renderer. A page on file://
 * could read any file the user can (and gets extra privileges Chromium gives file://), so the page
 * lives on its own origin instead, served by the main process from the renderer folder only, with
 * the same Content-Security-Policy header web mode sends.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { DEFAULT_CSP, securityHeaders } from '../web/security';
import { MEDIA_SCHEME_PRIVILEGES } from './media-protocol';

/** The renderer's scheme; with APP_HOST it makes the page's origin. */
export const APP_SCHEME = 'app';

/** The one host the scheme answers to. */
export const APP_HOST = 'masthead';

/** The page's origin: IPC senders must be on it. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The URL the main window loads. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Standard (real origin, relative URLs), secure (counts as https for the CSP and for fetch), able to
 * fetch its own assets (the bundled fonts), and CORS-enabled because Vite loads the bundle as a
 * `<script type="module" crossorigin>`, a CORS-mode request. No response carries an
 * Access-Control-Allow-Origin header, so no other origin can read the app's files; no service
 * workers, no bypassing the CSP.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
};

/** Content types of what the renderer build holds; anything else is sent as opaque bytes. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type sent for a renderer file, by its extension. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Declares the app's custom schemes (the page's and the media one) before the app is ready:
 * Electron accepts this call only once, and only then.
 */
export function registerSchemes(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES, MEDIA_SCHEME_PRIVILEGES]);
}

/** Serves `app://masthead/…` from `rendererDir`; call once the app is ready. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(request.url, request.method, rendererDir));
}

/**
 * The file under `rendererDir` that `url` names, or null when the URL is not the app's or its path
 * could lead anywhere else: `..` (also percent-encoded), backslashes, drive letters, empty segments
 * (`//etc/passwd`) and NUL bytes are refused outright rather than normalised away.
 */
export function rendererFile(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (
    parsed.protocol !== `${APP_SCHEME}:` ||
    parsed.host !== APP_HOST ||
    parsed.username ||
    parsed.password ||
    parsed.port
  )
    return null;
  const rawPath = parsed.pathname === '/' || parsed.pathname === '' ? '/index.html' : parsed.pathname;
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  const segments = path.split('/').slice(1);
  const unsafe = (segment: string): boolean =>
    segment === '' || segment === '.' || segment === '..' || /[\\:\0]/.test(segment);
  if (!path.startsWith('/') || segments.some(unsafe)) return null;
  const file = resolve(rendererDir, ...segments);
  return isInside(rendererDir, file) ? file : null;
}

/** The response to one request for the renderer; exported so it can be tested without Electron. */
export async function appResponse(url: string, method: string, rendererDir: string): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return text(405, 'The app’s pages are read with GET.');
  const file = rendererFile(url, rendererDir);
  if (file === null) return text(404, 'There is no such page in Masthead.');
  const bytes = await readRegularFile(file, rendererDir);
  if (bytes === null) return text(404, 'There is no such page in Masthead.');
  return new Response(method === 'HEAD' ? null : bytes, {
    status: 200,
    headers: { ...securityHeaders(DEFAULT_CSP), 'Content-Type': contentTypeFor(file), 'Cache-Control': 'no-cache' },
  });
}

/**
 * The bytes of `file` when it is a regular file whose real path (links followed) is still inside
 * `rendererDir`; null for anything missing, a folder, a FIFO or device, or a link leading out.
 * Only stat, realpath and readFile are used: Electron reads those from inside app.asar (checking the
 * archive's integrity on read), and the renderer lives there in the packaged app.
 */
async function readRegularFile(file: string, rendererDir: string): Promise<Uint8Array | null> {
  try {
    const [realFile, realDir] = await Promise.all([realpath(file), realpath(rendererDir)]);
    // A FIFO or device is never opened: reading one could block the main process's file I/O.
    if (!isInside(realDir, realFile) || !(await stat(realFile)).isFile()) return null;
    return new Uint8Array(await readFile(realFile));
  } catch {
    return null;
  }
}

function isInside(dir: string, file: string): boolean {
  const path = relative(dir, file);
  return path !== '' && !path.startsWith(`..${sep}`) && path !== '..' && !isAbsolute(path);
}

function text(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: {
      ...securityHeaders(DEFAULT_CSP),
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    },
  });
}
