/**
 * A build plugin for `npm run bench -- bundle`: writes, for every chunk of the renderer, its file,
 * whether the page loads it at once (an entry, or imported statically by one), and the size of each
 * module in it after tree-shaking (before minifying), so the benchmark can say what the first load
 * is made of. Only used when MASTHEAD_BUNDLE_STATS names the output file.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Plugin } from 'vite';

/** One chunk of the build, as the benchmark reads it. */
export interface ChunkStats {
  file: string;
  isEntry: boolean;
  /** Loaded by a dynamic `import()` of `facade` (the module it stands for), not with the page. */
  isDynamicEntry: boolean;
  /** The module a dynamic chunk stands for, relative to the repository (null for a shared chunk). */
  facade: string | null;
  /** Chunks this one imports statically (they load with it). */
  imports: string[];
  /** Module id → rendered bytes. */
  modules: Record<string, number>;
}

/** The plugin; `outFile` receives a JSON array of ChunkStats; module paths are made relative to `root`. */
export function bundleStats(outFile: string, root: string): Plugin {
  return {
    name: 'masthead-bundle-stats',
    generateBundle(_options, bundle) {
      const chunks: ChunkStats[] = [];
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const modules: Record<string, number> = {};
        for (const [id, info] of Object.entries(output.modules)) modules[id] = info.renderedLength;
        chunks.push({
          file: output.fileName,
          isEntry: output.isEntry,
          isDynamicEntry: output.isDynamicEntry,
          facade: output.facadeModuleId === null ? null : relative(root, output.facadeModuleId),
          imports: [...output.imports],
          modules,
        });
      }
      writeFileSync(outFile, JSON.stringify(chunks));
    },
  };
}
