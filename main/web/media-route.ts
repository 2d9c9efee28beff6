/**
 * Web mode's `GET /api/media?post=…&src=…&token=…`: the images a post shows, read from the open
 * repository. The token travels in the query because an <img> cannot send headers; the server has
 * already checked Host and Origin before this runs.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toAppError, type AppError } from '../../shared/errors';
import { MEDIA_HEADERS, type MediaFile, type MediaReader } from '../workspace/media';

/** The path the route answers on. */
export const MEDIA_PATH = '/api/media';

/** Longest `post` or `src` accepted; real paths are far shorter. */
const MAX_PARAM_LENGTH = 4096;

/** How long a page may reuse an image: short, since the writer may replace the file at any moment. */
const MEDIA_CACHE_CONTROL = 'private, max-age=60';

/** What the route needs from the server around it. */
export interface MediaRouteContext {
  readMedia: MediaReader | undefined;
  /** True when the query's token is this server's. */
  authorized: (presented: string | null) => boolean;
  /** Sends an error Outcome with the server's headers. */
  refuse: (status: number, error: AppError) => void;
  headers: Record<string, string>;
}

/** Answers one media request. */
export async function serveMedia(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: MediaRouteContext,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    context.refuse(405, { code: 'bad-request', message: 'Images are read with GET.' });
    return;
  }
  if (!context.authorized(url.searchParams.get('token'))) {
    context.refuse(401, { code: 'unauthorized', message: 'This page is not signed in to Masthead.' });
    return;
  }
  const post = url.searchParams.get('post');
  const src = url.searchParams.get('src');
  if (!post || !src || post.length > MAX_PARAM_LENGTH || src.length > MAX_PARAM_LENGTH) {
    context.refuse(400, { code: 'bad-request', message: 'An image request needs a “post” and a “src”.' });
    return;
  }
  if (context.readMedia === undefined) {
    context.refuse(404, { code: 'not-found', message: 'This server does not serve images.' });
    return;
  }
  let media: MediaFile;
  try {
    media = await context.readMedia(post, src);
  } catch (error) {
    const appError = toAppError(error);
    context.refuse(statusFor(appError), appError);
    return;
  }
  response.writeHead(200, {
    ...context.headers,
    ...MEDIA_HEADERS,
    'Content-Type': media.contentType,
    'Content-Length': String(media.bytes.byteLength),
    'Cache-Control': MEDIA_CACHE_CONTROL,
  });
  response.end(request.method === 'HEAD' ? undefined : media.bytes);
}

function statusFor(error: AppError): number {
  switch (error.code) {
    case 'not-found':
    case 'no-repository':
      return 404;
    case 'outside-repository':
      return 403;
    case 'bad-request':
      return 400;
    default:
      return 500;
  }
}
