/**
 * Git's askpass helper in the packaged app. The helper (resources/askpass/askpass.mjs) is a tiny
 * Node script its trampoline runs with ELECTRON_RUN_AS_NODE on the app's own executable; the
 * packaged app has the RunAsNode fuse off (electron-builder.yml), so Electron ignores that variable
 * and starts the app instead. The app then recognises the call and runs that one script — only the
 * app's own copy, never a script named by whoever launched it, which would undo the fuse.
 */
import { join, resolve } from 'node:path';

/** The folder of the askpass helper inside the packaged app. */
export function packagedAskPassDir(resourcesPath: string): string {
  return join(resourcesPath, 'askpass');
}

/**
 * The app's own askpass script when this launch is git asking for a sign-in (the trampoline passes
 * the script, then git's prompt, and sets MASTHEAD_ASKPASS_PORT); null for any other launch.
 */
export function askPassLaunch(argv: readonly string[], env: NodeJS.ProcessEnv, askPassDir: string): string | null {
  const script = resolve(askPassDir, 'askpass.mjs');
  const given = argv[1];
  if (!env.MASTHEAD_ASKPASS_PORT || given === undefined || resolve(given) !== script) return null;
  return script;
}
