/**
 * Finding a site's own CMS config: Decap CMS `config.yml` in the usual admin folders, Front Matter
 * CMS `frontmatter.json` at the root, or an Astro content config (`src/content.config.ts`,
 * `src/content/config.ts`). The first one found wins, Decap first: it is the more widespread, and a
 * site with both edits through Decap; a CMS config says more about the form than Astro's schema.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ASTRO_CONFIG_PATHS, readAstroConfig } from '../../shared/content/schema/astro-config';
import { readDecapConfig } from '../../shared/content/schema/decap-config';
import { readFrontMatterCmsConfig } from '../../shared/content/schema/frontmatter-cms-config';
import type { ContentModel } from '../../shared/content/schema/types';

/** Where Decap CMS configs live in Gatsby, Hugo, Eleventy, Astro and Next sites. */
const DECAP_CONFIG_PATHS = [
  'static/admin/config.yml',
  'public/admin/config.yml',
  'admin/config.yml',
  'src/admin/config.yml',
  'static/admin/config.yaml',
  'public/admin/config.yaml',
  'admin/config.yaml',
];

/** Front Matter CMS keeps its config at the workspace root. */
const FRONT_MATTER_CMS_CONFIG_PATH = 'frontmatter.json';

/** A config file found in the repository. */
export interface FoundConfig {
  /** Repo-relative path. */
  path: string;
  kind: 'decap' | 'frontmatter-cms' | 'astro';
  text: string;
}

/** The site's CMS config, or null when it has none. */
export async function findConfig(root: string): Promise<FoundConfig | null> {
  for (const path of DECAP_CONFIG_PATHS) {
    const text = await readText(join(root, path));
    if (text !== null) return { path, kind: 'decap', text };
  }
  const text = await readText(join(root, FRONT_MATTER_CMS_CONFIG_PATH));
  if (text !== null) return { path: FRONT_MATTER_CMS_CONFIG_PATH, kind: 'frontmatter-cms', text };
  for (const path of ASTRO_CONFIG_PATHS) {
    const astro = await readText(join(root, path));
    if (astro !== null) return { path, kind: 'astro', text: astro };
  }
  return null;
}

/** Reads a found config into a content model; problems in it are reported inside the model, never thrown. */
export function readConfigModel(text: string, path: string): ContentModel {
  if (path === FRONT_MATTER_CMS_CONFIG_PATH) return readFrontMatterCmsConfig(text, path);
  if (ASTRO_CONFIG_PATHS.includes(path)) return readAstroConfig(text, path);
  return readDecapConfig(text, path);
}

/** The 1-based line of the config that mentions `value` (a folder, say), or null. */
export function lineNaming(text: string, value: string): number | null {
  const lines = text.split(/\r?\n/);
  const index = lines.findIndex((line) => line.includes(value));
  return index === -1 ? null : index + 1;
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}
