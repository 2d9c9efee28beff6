/**
 * A child process for the atomicity test: writes journal entries for one post in a loop, each
 * larger than a disk block and each saying which write it is, until it is killed. Prints `ready`
 * once the first write is on disk. Bundled by the test and run with plain Node.
 */
import { createJournalStore } from '../../../../main/journal/journal-store';
import { entry, writeBody } from './journal-fixtures';

const [dataDir, repo, path] = process.argv.slice(2) as [string, string, string];
const store = createJournalStore(dataDir);

for (let n = 1; ; n++) {
  const tag = `${process.pid}-${n}`;
  // The title and the body both name the write, so a reader can tell a whole entry from a torn one.
  await store.write(
    repo,
    entry(path, 'v1', writeBody(tag), new Date().toISOString(), `Write ${tag}`),
    null,
    async () => null,
  );
  if (n === 1) process.stdout.write('ready\n');
}
