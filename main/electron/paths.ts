/**
 * Where the shell's built files live. main.ts is bundled to out/main/electron.js, so the preload
 * and the renderer are its siblings under out/.
 */
import { fileURLToPath } from 'node:url';
import { APP_INDEX_URL } from './app-protocol';

/** The sandboxed preload script (CommonJS, as sandboxed preloads must be). */
export const PRELOAD_PATH = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));

/** The built renderer, served as app://masthead/ (app-protocol.ts); nothing outside it is reachable. */
export const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));

/** The URL the main frame has once the renderer is loaded; IPC senders must be on it. */
export const RENDERER_INDEX_URL = APP_INDEX_URL;
