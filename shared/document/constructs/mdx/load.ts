/** Loading MDX's syntax on demand (the renderer, before it reads an `.mdx` body). */

let loading: Promise<void> | null = null;

/** Loads the MDX parser once; resolves when `.mdx` bodies can be parsed. */
export function loadMdxSyntax(): Promise<void> {
  // Importing ./syntax fills the parser's slot (./syntax-slot.ts).
  loading ??= import('./syntax').then(
    () => undefined,
    (error: unknown) => {
      // A failed load (a chunk the page could not fetch) may be tried again.
      loading = null;
      throw error;
    },
  );
  return loading;
}
