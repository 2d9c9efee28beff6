/**
 * The `masthead-media:` scheme: how the desktop page loads images stored in the open repository.
 * The page (on app://) cannot reach the repository's files itself, so the main process serves them,
 * through the same readMedia (and its path checks) as web mode.
 */
import type { CustomScheme, Protocol } from 'electron';
import { MEDIA_SCHEME } from '../../shared/api';
import { toAppError } from '../../shared/errors';
import { MEDIA_HEADERS, type MediaFile, type MediaReader } from '../workspace/media';

/** Longest `post` or `src` accepted; real paths are far shorter. */
const MAX_PARAM_LENGTH = 4096;

/**
 * How the scheme is declared before the app is ready (app-protocol.ts registers it with the page's):
 * standard and secure so the page's CSP and fetch treat it like https, and nothing more — no
 * service workers, no CORS.
 */
export const MEDIA_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: MEDIA_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Serves `masthead-media://media/?post=…&src=…` from `readMedia`; call once the app is ready. */
export function handleMediaProtocol(protocol: Pick<Protocol, 'handle'>, readMedia: MediaReader): void {
  protocol.handle(MEDIA_SCHEME, (request) => mediaResponse(request.url, request.method, readMedia));
}

/** The response for one media URL; exported so it can be tested without Electron. */
export async function mediaResponse(url: string, method: string, readMedia: MediaReader): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return text(405, 'Images are read with GET.');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return text(400, 'That is not a media address.');
  }
  const post = parsed.searchParams.get('post');
  const src = parsed.searchParams.get('src');
  if (parsed.hostname !== 'media' || !post || !src || post.length > MAX_PARAM_LENGTH || src.length > MAX_PARAM_LENGTH) {
    return text(400, 'A media address needs a “post” and a “src”.');
  }
  let media: MediaFile;
  try {
    media = await readMedia(post, src);
  } catch (error) {
    const { code, message } = toAppError(error);
    const status =
      code === 'not-found' || code === 'no-repository'
        ? 404
        : code === 'outside-repository'
          ? 403
          : code === 'bad-request'
            ? 400
            : 500;
    return text(status, message);
  }
  return new Response(method === 'HEAD' ? null : media.bytes, {
    status: 200,
    headers: { ...MEDIA_HEADERS, 'Content-Type': media.contentType, 'Cache-Control': 'private, max-age=60' },
  });
}

function text(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { ...MEDIA_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
