/**
 * Where the shell's built files live. main.ts is bundled to out/main/electron.js, so the preload
 * and the renderer are its siblings under out/.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The sandboxed preload script (CommonJS, as sandboxed preloads must be). */
export const PRELOAD_PATH = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));

/** The renderer's entry page, loaded with `loadFile`. */
export const RENDERER_INDEX_PATH = fileURLToPath(new URL('../renderer/index.html', import.meta.url));

/** The URL the main frame has once RENDERER_INDEX_PATH is loaded; IPC senders must be on it. */
export const RENDERER_INDEX_URL = pathToFileURL(RENDERER_INDEX_PATH).href;
