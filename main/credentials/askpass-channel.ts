/**
 * The loopback channel between git's askpass helper (resources/askpass/askpass.mjs) and the back
 * end. One channel per git run: a server on 127.0.0.1 with a random port and a one-time secret,
 * open only while that run lasts. The helper posts git's prompt; the answer goes back as the body.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { access, chmod, copyFile, mkdtemp } from 'node:fs/promises';
import { constants, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Longest prompt accepted: git's are one short line. */
const MAX_PROMPT_BYTES = 4096;

/** Answers one prompt; null means "no answer" (git then fails instead of waiting). */
export type PromptAnswerer = (prompt: string) => Promise<string | null>;

/** An open channel: the variables git needs to reach it, and how to close it. */
export interface AskPassChannel {
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Where the app's askpass files are: the nearest `resources/askpass` above this module (source or built). */
export function defaultAskPassDir(): string {
  // This module is main/credentials/x.ts in the source and out/main/<entry or chunk>.js when built:
  // the app root is two or three folders up.
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start, depth = 0; depth < 4; dir = path.dirname(dir), depth += 1) {
    const candidate = path.join(dir, 'resources', 'askpass');
    if (existsSync(path.join(candidate, 'askpass.mjs'))) return candidate;
  }
  return path.resolve(start, '..', '..', 'resources', 'askpass');
}

/** The askpass program and script for this platform, with where to find them. */
export interface AskPassProgram {
  /** What GIT_ASKPASS names: the trampoline (`askpass.sh`, `askpass.cmd` on Windows). */
  command: string;
  /** The helper the trampoline runs. */
  script: string;
  /** The Node that runs it: this process's own executable (Electron runs as Node with ELECTRON_RUN_AS_NODE). */
  node: string;
}

const prepared = new Map<string, Promise<AskPassProgram>>();

/**
 * The askpass program in `dir`. Git runs GIT_ASKPASS directly (no shell), so the trampoline must be
 * executable; a copy that lost its mode (an unpacked archive) is copied to a private folder once.
 */
export function askPassProgram(dir: string, platform: NodeJS.Platform = process.platform): Promise<AskPassProgram> {
  const key = `${platform}:${dir}`;
  let found = prepared.get(key);
  if (!found) {
    found = prepare(dir, platform);
    prepared.set(key, found);
    found.catch(() => prepared.delete(key));
  }
  return found;
}

async function prepare(dir: string, platform: NodeJS.Platform): Promise<AskPassProgram> {
  const script = path.join(dir, 'askpass.mjs');
  await access(script, constants.R_OK);
  if (platform === 'win32') return { command: path.join(dir, 'askpass.cmd'), script, node: process.execPath };
  const command = path.join(dir, 'askpass.sh');
  try {
    await access(command, constants.X_OK);
    return { command, script, node: process.execPath };
  } catch {
    const privateDir = await mkdtemp(path.join(tmpdir(), 'masthead-askpass-'));
    const copy = path.join(privateDir, 'askpass.sh');
    await copyFile(command, copy);
    await chmod(copy, 0o700);
    return { command: copy, script, node: process.execPath };
  }
}

/**
 * Opens a channel that answers with `answer`. `helperTimeoutMs` bounds how long the helper waits
 * for the back end (it gives up and exits 1 after it).
 */
export async function openAskPassChannel(
  program: AskPassProgram,
  answer: PromptAnswerer,
  helperTimeoutMs: number,
): Promise<AskPassChannel> {
  const secret = randomBytes(32).toString('hex');
  const expected = Buffer.from(`Bearer ${secret}`);
  const server = createServer((request, response) => {
    const given = Buffer.from(request.headers.authorization ?? '');
    // Any other local program could find the port: only the helper that git started holds the secret.
    if (request.method !== 'POST' || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      response.writeHead(403).end();
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PROMPT_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > MAX_PROMPT_BYTES) {
        response.writeHead(413).end();
        return;
      }
      answer(Buffer.concat(chunks).toString('utf8')).then(
        (text) => {
          if (text === null) response.writeHead(204).end();
          else response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
        },
        () => response.writeHead(204).end(),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    env: {
      GIT_ASKPASS: program.command,
      MASTHEAD_ASKPASS_NODE: program.node,
      MASTHEAD_ASKPASS_SCRIPT: program.script,
      MASTHEAD_ASKPASS_PORT: String(port),
      MASTHEAD_ASKPASS_TOKEN: secret,
      MASTHEAD_ASKPASS_TIMEOUT_MS: String(Math.round(helperTimeoutMs)),
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
