import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { bundleStats } from './bench/bundle-stats';

// Three builds: the back end (Electron main + the plain-Node CLI/web server, sharing code),
// the sandboxed preload (must be CommonJS), and the React renderer.
//
// package.json has "type": "module", so this file is ESM and has no __dirname.
const root = fileURLToPath(new URL('.', import.meta.url));
const at = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// MASTHEAD_BUILD_TARGETS=main,preload builds a subset (tests build only the CLI this way, without
// depending on the renderer); unset builds everything.
const only = process.env.MASTHEAD_BUILD_TARGETS?.split(',').map((target) => target.trim());
const wanted = (target: 'main' | 'preload' | 'renderer'): boolean => only === undefined || only.includes(target);

export default defineConfig({
  main: wanted('main')
    ? {
        root,
        build: {
          outDir: 'out/main',
          // The CLI and web mode run on the developer's Node (20.19+), not only inside Electron.
          target: 'node20.19',
          rollupOptions: {
            input: {
              electron: at('main/electron/entry.ts'),
              cli: at('main/cli/index.ts'),
            },
          },
        },
      }
    : undefined,
  preload: wanted('preload')
    ? {
        root,
        build: {
          outDir: 'out/preload',
          // A sandboxed preload can require only 'electron': the contract's request names come with
          // their schemas (valibot), so valibot is bundled in rather than left to a require().
          externalizeDeps: { exclude: ['valibot'] },
          rollupOptions: {
            input: { preload: at('main/electron/preload.ts') },
            output: { format: 'cjs', entryFileNames: '[name].cjs' },
          },
        },
      }
    : undefined,
  renderer: wanted('renderer')
    ? {
        root: at('renderer'),
        base: './',
        plugins: [
          react(),
          ...(process.env.MASTHEAD_BUNDLE_STATS ? [bundleStats(process.env.MASTHEAD_BUNDLE_STATS, root)] : []),
        ],
        build: {
          outDir: at('out/renderer'),
          emptyOutDir: true,
          // electron-vite leaves the renderer unminified; a writer's app should load as little as it can.
          minify: true,
          cssMinify: true,
          rollupOptions: { input: at('renderer/index.html') },
        },
      }
    : undefined,
});
