/** Every `masthead` command, in the order `--help` lists them. Add new commands here. */
import type { Command } from '../context';
import { checkCommand } from './check';
import { roundtripCommand } from './roundtrip';
import { webCommand } from './web';

/** The registered commands. */
export const COMMANDS: readonly Command[] = [webCommand, checkCommand, roundtripCommand];
