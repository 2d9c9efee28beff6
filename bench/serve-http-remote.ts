/**
 * Serves a folder of bare repositories over smart HTTP in a process of its own, for benchmarks that
 * time git with blocking calls (a server in the benchmark's own process could not answer them).
 * Usage: tsx bench/serve-http-remote.ts <project root> <latency ms>; prints the origin, then serves
 * until killed.
 */
import { startHttpGitServer } from '../test/support/http-git-server';

const [projectRoot, latency] = process.argv.slice(2);
if (!projectRoot) throw new Error('usage: serve-http-remote.ts <project root> <latency ms>');
const server = await startHttpGitServer({
  projectRoot,
  username: 'writer',
  token: 'bench-token',
  latencyMs: Number(latency ?? 0),
});
process.stdout.write(`${server.origin}\n`);
