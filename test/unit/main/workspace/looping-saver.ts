/**
 * A child process for the killed-save test: saves one post with writeFileAtomic in a loop, always
 * the same bytes (the committed ones), until it is killed. Prints `ready` after the first save.
 * Bundled by the test and run with plain Node.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../../../main/workspace/atomic-write';

const [file] = process.argv.slice(2) as [string];
const bytes = readFileSync(file);

for (let n = 1; ; n++) {
  await writeFileAtomic(file, bytes);
  if (n === 1) process.stdout.write('ready\n');
}
