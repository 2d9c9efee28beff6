// Masthead's askpass helper. Git runs it (through askpass.sh / askpass.cmd) with its prompt as the
// only argument, e.g. "Password for 'https://ada@github.com': ", and reads the answer from stdout.
// It asks the running Masthead back end over the loopback channel named in its environment and
// prints the answer and nothing else. No answer (cancelled, timed out, back end gone) exits 1, so
// git fails with an authentication error instead of waiting on a terminal nobody is watching.
import { request } from 'node:http';

const port = Number(process.env.MASTHEAD_ASKPASS_PORT);
const secret = process.env.MASTHEAD_ASKPASS_TOKEN ?? '';
const timeoutMs = Number(process.env.MASTHEAD_ASKPASS_TIMEOUT_MS) || 60_000;
const prompt = process.argv[2] ?? '';

const giveUp = () => process.exit(1);
if (!Number.isInteger(port) || port <= 0 || secret === '') giveUp();
setTimeout(giveUp, timeoutMs).unref();

const call = request(
  { host: '127.0.0.1', port, method: 'POST', path: '/askpass', headers: { authorization: `Bearer ${secret}`, 'content-type': 'text/plain; charset=utf-8' } },
  (response) => {
    if (response.statusCode !== 200) giveUp();
    const chunks = [];
    response.on('data', (chunk) => chunks.push(chunk));
    response.on('end', () => process.stdout.write(`${Buffer.concat(chunks).toString('utf8')}\n`, () => process.exit(0)));
    response.on('error', giveUp);
  },
);
call.on('error', giveUp);
call.end(prompt);
