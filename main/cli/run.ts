/**
 * The `masthead` command line: picks the command named by the first argument and runs it.
 * Global flags (`--help`, `--version`) are handled here; everything else belongs to a command.
 */
import { version } from '../../package.json';
import { COMMANDS } from './commands/index';
import { EXIT_USAGE, type CliContext } from './context';

/** The top-level help text. */
export function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}   ${command.summary}`);
  return [
    'Usage: masthead <command> [options]',
    '',
    'Masthead: write, preview and publish the posts of a Git-backed blog.',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  -h, --help      Show this help',
    '  -v, --version   Print the version',
    '',
    'Run "masthead <command> --help" for the options of a command.',
  ].join('\n');
}

/** Runs the command line `args` (without node and script) and resolves with the exit code. */
export async function runCli(args: string[], context: CliContext): Promise<number> {
  const [first, ...rest] = args;
  if (first === undefined) {
    context.err(usage());
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? COMMANDS.find((command) => command.name === rest[0]) : undefined;
    context.out(topic ? topic.usage : usage());
    return 0;
  }
  if (first === '--version' || first === '-v') {
    context.out(version);
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === first);
  if (!command) {
    context.err(`masthead: unknown command "${first}". Run "masthead --help" for the list of commands.`);
    return EXIT_USAGE;
  }
  return command.run(rest, context);
}
