/** Which posts are MDX: the file name decides the syntax, as it does for the site's build. */

/** The extensions of MDX posts. */
export const MDX_EXTENSIONS = ['.mdx'] as const;

/** True when a post path is an MDX file (`.mdx`, any case). */
export function isMdxPath(path: string): boolean {
  const lower = path.toLowerCase();
  return MDX_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}
