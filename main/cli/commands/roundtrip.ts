/**
 * `masthead roundtrip`: shows what saving a post would write after opening it in the editor and
 * changing nothing — front matter through the content layer, body through the document model, the
 * same code the editor's save path runs. Any difference from the file is a round-trip bug.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { AppFailure, fail } from '../../../shared/errors';
import { writeFileAtomic } from '../../workspace/atomic-write';
import { ioFailure } from '../../workspace/io-errors';
import { EXIT_USAGE, oneLine, type CliContext, type Command } from '../context';
import { parseCommandLine } from '../parse';

const USAGE = `Usage: masthead roundtrip <file>
       masthead roundtrip --out-dir DIR <file>...

Opens each post as the editor does and saves it without edits, to check that Masthead would leave
the file as it is. With one file and no --out-dir, prints the result to standard output; with
--out-dir, writes each result into DIR at the file's own relative path (page bundles are all
index.md: content/blog/a/index.md goes to DIR/content/blog/a/index.md). Paths are taken from the
current folder, or from the folder all the files share when some lie outside it.

Options:
  --out-dir DIR   Write the results into DIR instead of printing one
  -h, --help      Show this help

Exits with 1 when some file could not be read (missing, not UTF-8, malformed front matter); the
others are still written.`;

interface RoundtripArgs {
  'out-dir'?: string;
  help?: boolean;
}

/** The `roundtrip` command. */
export const roundtripCommand: Command = {
  name: 'roundtrip',
  summary: 'Print or write posts as saving them unedited would (a round-trip check)',
  usage: USAGE,
  run: runRoundtrip,
};

async function runRoundtrip(args: string[], context: CliContext): Promise<number> {
  const parsed = parseCommandLine<RoundtripArgs>(
    args,
    { 'out-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    true,
  );
  if (!parsed.ok) {
    context.err(`masthead roundtrip: ${parsed.message} Run "masthead roundtrip --help" for the options.`);
    return EXIT_USAGE;
  }
  if (parsed.values.help) {
    context.out(USAGE);
    return 0;
  }
  const files = parsed.positionals;
  const outDir = parsed.values['out-dir'];
  if (files.length === 0 || (outDir === undefined && files.length > 1)) {
    context.err(
      files.length === 0
        ? 'masthead roundtrip: name the post file to check. Run "masthead roundtrip --help" for the options.'
        : 'masthead roundtrip: to check several files, give --out-dir DIR to write the results into.',
    );
    return EXIT_USAGE;
  }

  // Loaded here, not at the top, so other commands do not pay for the document model.
  const { roundtripPostText } = await import('../roundtrip-post');

  if (outDir === undefined) {
    const file = files[0] as string;
    try {
      write(context, roundtripPostText(await readPost(resolve(context.cwd, file), file), file));
      return 0;
    } catch (error) {
      context.err(failureLine(file, error));
      return 1;
    }
  }

  const dir = resolve(context.cwd, outDir);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    context.err(`masthead roundtrip: ${oneLine(ioFailure(error, `create the folder ${outDir}`).message)}`);
    return 1;
  }
  let failed = 0;
  const targets = mirroredPaths(
    files.map((file) => resolve(context.cwd, file)),
    context.cwd,
  );
  // The same file named twice (e.g. `a.md ./a.md`) would be written twice to one place.
  const writtenFrom = new Map<string, string>();
  for (const [index, file] of files.entries()) {
    const target = resolve(dir, targets[index] as string);
    try {
      const earlier = writtenFrom.get(target);
      if (earlier !== undefined) throw fail('io', `it is the same file as ${earlier}.`);
      const output = roundtripPostText(await readPost(resolve(context.cwd, file), file), file);
      try {
        await mkdir(dirname(target), { recursive: true });
        await writeFileAtomic(target, new TextEncoder().encode(output));
      } catch (error) {
        throw ioFailure(error, `write ${target}`);
      }
      writtenFrom.set(target, file);
    } catch (error) {
      failed += 1;
      context.err(failureLine(file, error));
    }
  }
  return failed === 0 ? 0 : 1;
}

/**
 * Where each input's result goes inside the output folder: its path from `cwd`, or — when some
 * input lies outside `cwd` — its path from the deepest folder all inputs share.
 */
export function mirroredPaths(absolutePaths: readonly string[], cwd: string): string[] {
  const fromCwd = absolutePaths.map((path) => relative(cwd, path));
  if (fromCwd.every((path) => path !== '' && !path.startsWith('..') && !isAbsolute(path))) return fromCwd;
  let base = dirname(absolutePaths[0] as string);
  while (!absolutePaths.every((path) => path.startsWith(base.endsWith(sep) ? base : `${base}${sep}`))) {
    const parent = dirname(base);
    if (parent === base) break;
    base = parent;
  }
  return absolutePaths.map((path) => relative(base, path));
}

/** Reads a file as strict UTF-8, keeping a BOM in the text so saving can put it back. */
async function readPost(absolute: string, shown: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    throw ioFailure(error, `read ${shown}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // A lossy decode would replace bytes, so the check would report a difference that is not Masthead's.
    throw fail('io', 'it is not UTF-8 text, which Masthead cannot edit without damaging it.');
  }
}

/** One stderr line naming the file and what went wrong with it. */
function failureLine(file: string, error: unknown): string {
  // Failures that are not AppFailures are bugs in the conversion: say so, with their own message.
  const message =
    error instanceof AppFailure
      ? error.message
      : `internal error: ${error instanceof Error ? error.message : String(error)}`;
  return `masthead roundtrip: ${file}: ${oneLine(message)}`;
}

/** Writes text to stdout exactly, without the newline `out` adds after each line. */
function write(context: CliContext, text: string): void {
  if (context.write) context.write(text);
  else context.out(text.endsWith('\n') ? text.slice(0, -1) : text);
}
