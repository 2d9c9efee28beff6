/**
 * Command-line parsing shared by every command: node:util's parseArgs, with its errors turned into
 * one line the writer can act on.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The parsed values, or the one-line reason the arguments were refused. */
export type Parsed<T> = { ok: true; values: T; positionals: string[] } | { ok: false; message: string };

/** Parses `args` strictly against `options`; unknown flags and missing values become a message. */
export function parseCommandLine<T>(args: string[], options: Options, allowPositionals = false): Parsed<T> {
  try {
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals });
    return { ok: true, values: values as T, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // parseArgs explains itself well but appends advice about `--` that does not apply here.
    return { ok: false, message: message.replace(/\s*To specify a positional argument.*$/s, '').replace(/\.?$/, '.') };
  }
}

/** Parses a TCP port: an integer from 0 (any free port) to 65535, or null when it is not one. */
export function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port <= 65535 ? port : null;
}
