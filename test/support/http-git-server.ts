/**
 * A smart-HTTP git remote on 127.0.0.1 for tests: a Node `http` server that runs `git http-backend`
 * as a CGI program behind HTTP Basic auth, the way a forge (GitHub, GitLab) asks for a username and
 * a token. Requests without credentials, or with the wrong ones, get 401 and `WWW-Authenticate`.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { runGitSync } from './git-fixtures';

/** Options for startHttpGitServer. */
export interface HttpGitServerOptions {
  /** The folder holding bare repositories (`GIT_PROJECT_ROOT`); a repository `<root>/blog.git` is served at `/blog.git`. */
  projectRoot: string;
  /** The one account the server accepts. */
  username: string;
  token: string;
  /** Wait this long before answering each request: a forge that many milliseconds away (benchmarks). */
  latencyMs?: number;
}

/** A running server. */
export interface HttpGitServer {
  /** `http://127.0.0.1:<port>` (no trailing slash, no credentials). */
  origin: string;
  /** `127.0.0.1:<port>`: the host git names in its prompts and credential helpers see. */
  host: string;
  /** The clone URL of a repository under the project root, e.g. `urlOf('blog.git')`. */
  urlOf(repository: string): string;
  /** Every request so far: method, path and whether its credentials were accepted. */
  requests: Array<{ method: string; path: string; authorized: boolean }>;
  /** Changes the accepted token (a token revoked and reissued on the forge). */
  setToken(token: string): void;
  close(): Promise<void>;
}

/** Creates a bare repository under `projectRoot` that accepts pushes over HTTP. */
export function createServedRepository(projectRoot: string, name: string, branch = 'main'): string {
  const bare = path.join(projectRoot, name);
  runGitSync(projectRoot, ['init', '--quiet', '--bare', `--initial-branch=${branch}`, bare]);
  // http-backend refuses receive-pack to anonymous users by default; REMOTE_USER is set for
  // authenticated requests, but an explicit setting makes the intent plain.
  runGitSync(bare, ['config', 'http.receivepack', 'true']);
  return bare;
}

/** Starts the server on a free loopback port. */
export async function startHttpGitServer(options: HttpGitServerOptions): Promise<HttpGitServer> {
  let token = options.token;
  const requests: HttpGitServer['requests'] = [];

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const user = basicUser(request.headers.authorization, options.username, token);
    requests.push({ method: request.method ?? 'GET', path: url.pathname, authorized: user !== null });
    if (user === null) {
      response.writeHead(401, {
        'WWW-Authenticate': 'Basic realm="Masthead test forge"',
        'Content-Type': 'text/plain',
      });
      response.end('Authentication required\n');
      return;
    }
    const latency = options.latencyMs ?? 0;
    if (latency > 0) setTimeout(() => runBackend(options.projectRoot, user, url, request, response), latency);
    else runBackend(options.projectRoot, user, url, request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    host: `127.0.0.1:${port}`,
    urlOf: (repository) => `${origin}/${repository}`,
    requests,
    setToken(next) {
      token = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The user name when the Basic credentials match, else null. */
function basicUser(header: string | undefined, username: string, token: string): string | null {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return decoded.slice(0, colon) === username && decoded.slice(colon + 1) === token ? username : null;
}

/** Runs `git http-backend` for one request: the body streams in, CGI headers are parsed out, the rest streams back. */
function runBackend(
  projectRoot: string,
  user: string,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GIT_PROJECT_ROOT: projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    GIT_CONFIG_NOSYSTEM: '1',
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.replace(/^\?/, ''),
    REQUEST_METHOD: request.method ?? 'GET',
    CONTENT_TYPE: request.headers['content-type'] ?? '',
    REMOTE_USER: user,
    REMOTE_ADDR: '127.0.0.1',
    GATEWAY_INTERFACE: 'CGI/1.1',
  };
  // git gzips large request bodies and speaks protocol v2 when the server passes its header on.
  if (request.headers['content-encoding']) env.HTTP_CONTENT_ENCODING = request.headers['content-encoding'];
  const protocol = request.headers['git-protocol'];
  if (typeof protocol === 'string') env.GIT_PROTOCOL = protocol;
  if (request.headers['content-length']) env.CONTENT_LENGTH = request.headers['content-length'];

  const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  request.pipe(child.stdin);
  child.stdin.on('error', () => undefined);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));

  let head = Buffer.alloc(0);
  let headersSent = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (headersSent) {
      response.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = headerEnd(head);
    if (end === null) return;
    const { status, headers } = parseCgiHeaders(head.subarray(0, end.index).toString('latin1'));
    response.writeHead(status, headers);
    headersSent = true;
    const rest = head.subarray(end.index + end.length);
    if (rest.length > 0) response.write(rest);
  });
  child.on('close', (code) => {
    if (!headersSent) {
      response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end(`git http-backend exited with ${code}: ${stderr}`);
      return;
    }
    response.end();
  });
}

/** Where the CGI header block ends (`\r\n\r\n` or `\n\n`), or null while it is incomplete. */
function headerEnd(buffer: Buffer): { index: number; length: number } | null {
  const crlf = buffer.indexOf('\r\n\r\n');
  const lf = buffer.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf <= lf)) return { index: crlf, length: 4 };
  if (lf >= 0) return { index: lf, length: 2 };
  return null;
}

/** CGI response headers: `Status: 404 Not Found` sets the status, everything else is passed on. */
export function parseCgiHeaders(text: string): { status: number; headers: Record<string, string> } {
  let status = 200;
  const headers: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 200;
    else headers[name] = value;
  }
  return { status, headers };
}
