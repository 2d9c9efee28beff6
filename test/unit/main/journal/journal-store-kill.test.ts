// A journal write cut short at any point — the process killed mid-write, as a crash or a force-quit
// would — must leave a whole entry on disk (the old one or the new one), and the next write or the
// next repository open must leave no temp file behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalFile } from '../../../../main/journal/journal-paths';
import { parseRecord } from '../../../../main/journal/journal-record';
import { createJournalService } from '../../../../main/journal/journal-service';
import { createJournalStore } from '../../../../main/journal/journal-store';
import { TEMP_MARKER } from '../../../../main/workspace/atomic-write';
import { seededRandom } from '../../../support/random';
import { makeTempDir } from '../workspace/temp-dir';
import { entry, writeBody } from './journal-fixtures';

const KILLS = 50;
const POST = 'content/posts/allotment.md';

describe('a journal write killed at any point', () => {
  let work: string;
  let writer: string;

  beforeAll(() => {
    work = makeTempDir('masthead-journal-kill-');
    // Plain Node starts in a few tens of milliseconds; a TypeScript loader would take ten times that per kill.
    writer = join(work, 'looping-writer.mjs');
    buildSync({
      entryPoints: [fileURLToPath(new URL('./looping-writer.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: writer,
      logLevel: 'silent',
    });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it(`leaves a whole entry readable and no temp file after the next write or open (${KILLS} kills)`, async () => {
    const dataDir = join(work, 'data');
    const repo = join(work, 'blog');
    const file = journalFile(dataDir, repo, POST);
    const temps = (): string[] => readdirSync(dirname(file)).filter((name) => name.includes(TEMP_MARKER));
    const random = seededRandom(8);
    let killedMidWrite = 0;

    for (let kill = 0; kill < KILLS; kill++) {
      const child = spawn(process.execPath, [writer, dataDir, repo, POST], { stdio: ['ignore', 'pipe', 'inherit'] });
      await readyLine(child);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 30)));
      child.kill('SIGKILL');
      await exited(child);

      const record = parseRecord(readFileSync(file, 'utf8'));
      expect(record, `after kill ${kill}`).not.toBeNull();
      const tag = String(record?.frontMatter.title).replace('Write ', '');
      expect(record?.body === writeBody(tag), `after kill ${kill}: the body of write ${tag} is whole`).toBe(true);
      if (temps().length > 0) killedMidWrite += 1;

      // Half the time the next write tidies up, half the time opening the repository does.
      if (kill % 2 === 0) {
        await createJournalStore(dataDir).write(
          repo,
          entry(POST, 'v1', 'After the kill.\n', new Date().toISOString()),
          null,
          async () => null,
        );
        expect(parseRecord(readFileSync(file, 'utf8'))?.body).toBe('After the kill.\n');
      } else {
        await createJournalService(dataDir, { merge: () => ({ conflicts: [] }) }).opened(repo);
      }
      expect(temps(), `after kill ${kill}`).toEqual([]);
    }
    // The kills really did land inside writes, not only between them.
    expect(killedMidWrite).toBeGreaterThan(0);
  }, 180_000);
});

function readyLine(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('ready\n')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the writer exited (${code}) before its first write`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}
