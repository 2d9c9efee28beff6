// Web mode stopped (Ctrl+C, SIGTERM) while a journal write is under way: the write finishes before
// `masthead web` returns and the process may exit.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostDocument } from '../../../../shared/api';
import { webCommand } from '../../../../main/cli/commands/web';
import { journalFile, repoJournalFolder } from '../../../../main/journal/journal-paths';
import { parseRecord } from '../../../../main/journal/journal-record';
import { createRepoWithRemote, type RepoWithRemote } from '../../../support/git-fixtures';
import { makeTempDir } from '../workspace/temp-dir';
import { bodyOfWords } from './journal-fixtures';

const PATH = 'content/posts/season.md';
// Long enough that writing its journal takes a while: a stop lands inside it.
const BODY = bodyOfWords(400_000);

describe('web mode shutdown', () => {
  let repo: RepoWithRemote;
  let dataDir: string;
  let rendererDir: string;
  beforeEach(() => {
    repo = createRepoWithRemote({ files: { [PATH]: `---\ntitle: A Long Season\n---\n${BODY}` } });
    dataDir = makeTempDir('masthead-web-data-');
    rendererDir = makeTempDir('masthead-web-renderer-');
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Masthead</title>');
  });
  afterEach(() => {
    repo.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(rendererDir, { recursive: true, force: true });
  });

  it('lets a journal write in flight reach the disk before it returns', async () => {
    const shutdown = new AbortController();
    const lines: string[] = [];
    const running = webCommand.run(['--repo', repo.workTree], {
      out: (line) => lines.push(line),
      err: (line) => lines.push(line),
      env: { MASTHEAD_CONFIG_DIR: dataDir, MASTHEAD_RENDERER_DIR: rendererDir },
      appRoot: process.cwd(),
      cwd: process.cwd(),
      shutdown: shutdown.signal,
    });
    const launch = await until(() =>
      lines.find((line) => line.startsWith('Masthead is ready at '))?.slice('Masthead is ready at '.length),
    );
    const url = new URL(launch);
    const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
    const request = (name: string, arg: unknown) =>
      fetch(new URL(`/api/request/${name}`, url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Masthead-Token': token },
        body: JSON.stringify({ arg }),
      });

    const doc = ((await (await request('post:read', { path: PATH })).json()) as { value: PostDocument }).value;
    const edited = `${doc.body}The last line typed before the stop.\n`;
    const writing = request('journal:write', {
      path: PATH,
      baseVersion: doc.version,
      frontMatter: doc.frontMatter,
      body: edited,
      editedAt: new Date().toISOString(),
    }).catch(() => null);
    // Stop as soon as the back end has begun keeping the edits (its folder appears), not after.
    await until(() => existsSync(repoJournalFolder(dataDir, repo.workTree)) || undefined, 0);
    shutdown.abort();

    expect(await running).toBe(0);
    const record = parseRecord(readFileSync(journalFile(dataDir, repo.workTree, PATH), 'utf8'));
    expect(record?.body === edited).toBe(true);
    await writing;
  }, 60_000);
});

/** Polls `probe` until it gives a value. */
async function until<T>(probe: () => T | undefined, everyMs = 10): Promise<T> {
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => (everyMs === 0 ? setImmediate(resolve) : setTimeout(resolve, everyMs)));
  }
}
