/**
 * The images a post added since it was last published: files the post refers to (in its body or
 * its front matter) that exist in the repository and that git does not track yet. Publishing
 * commits them with the post, so the built site never shows a post whose pictures were left
 * behind — and never anything else: files the post does not name, or that the site's
 * `.gitignore` excludes, stay out.
 */
import { lstat } from 'node:fs/promises';
import type { FrontMatterData, JsonValue } from '../../shared/api';
import { mediaCandidates } from '../../shared/content/media-paths';
import { AppFailure } from '../../shared/errors';
import { parseNulList, runGit } from '../git/index';
import { imageContentType } from './media';
import { resolveInRepo } from './paths';

/** Most image references looked at in one post (a photo essay has dozens; thousands is not a post). */
const MAX_REFERENCES = 500;

/** Repo-relative paths of the untracked images the post refers to, sorted. */
export async function addedMedia(
  workTree: string,
  postPath: string,
  frontMatter: FrontMatterData,
  body: string,
): Promise<string[]> {
  const files = new Set<string>();
  for (const src of referencedSources(frontMatter, body).slice(0, MAX_REFERENCES)) {
    const file = await existingImage(workTree, postPath, src);
    if (file !== null) files.add(file);
  }
  if (files.size === 0) return [];
  // --others --exclude-standard: untracked and not ignored; tracked files are never "added" by the post.
  const { stdout } = await runGit(workTree, [
    '--literal-pathspecs',
    'ls-files',
    '-z',
    '--others',
    '--exclude-standard',
    '--',
    ...files,
  ]);
  return parseNulList(stdout).sort();
}

/** Every image address the post writes: Markdown images and definitions, `src="…"` (HTML, shortcodes, JSX), MDX imports, and front-matter strings that name an image. */
export function referencedSources(frontMatter: FrontMatterData, body: string): string[] {
  const sources: string[] = [];
  // ![alt](src "title") and ![alt](<src with spaces>)
  for (const match of body.matchAll(/!\[(?:[^\]\\]|\\.)*\]\(\s*(?:<([^>\n]+)>|([^\s)]+))/g))
    sources.push(match[1] ?? match[2]!);
  // [label]: src — reference definitions used by ![alt][label]
  for (const match of body.matchAll(/^ {0,3}\[[^\]\n]+\]:\s*(?:<([^>\n]+)>|(\S+))/gm))
    sources.push(match[1] ?? match[2]!);
  // src="…" in HTML (<img>, <source>), shortcodes ({{< figure src="…" >}}) and JSX
  for (const match of body.matchAll(/\bsrc\s*=\s*(?:"([^"\n]*)"|'([^'\n]*)')/gi)) sources.push(match[1] ?? match[2]!);
  // MDX: import hero from './hero.png'
  for (const match of body.matchAll(/^import\s[^'"\n]*?from\s*['"]([^'"\n]+)['"]/gm)) sources.push(match[1]!);
  collectStrings(frontMatter, sources);
  return [
    ...new Set(
      sources
        .map((src) => src.trim())
        .filter((src) => src !== '' && imageContentType(src.replace(/[?#].*$/, '')) !== null),
    ),
  ];
}

function collectStrings(value: JsonValue, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) collectStrings(item, into);
}

/** The repo-relative regular file `src` names for this post, or null; never one behind a link that leaves the repository. */
async function existingImage(workTree: string, postPath: string, src: string): Promise<string | null> {
  for (const candidate of mediaCandidates(postPath, src)) {
    if (candidate.split('/').some((segment) => segment.toLowerCase() === '.git')) continue;
    let absolute: string;
    try {
      absolute = await resolveInRepo(workTree, candidate);
    } catch (error) {
      if (error instanceof AppFailure) continue;
      throw error;
    }
    if ((await lstat(absolute).catch(() => null))?.isFile()) return candidate;
  }
  return null;
}
