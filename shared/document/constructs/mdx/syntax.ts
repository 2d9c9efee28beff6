/**
 * MDX syntax for the parser: JSX elements, `import`/`export` (ESM) and `{expressions}` through the
 * micromark/mdast MDX extensions (which also turn off what MDX drops from Markdown: indented code,
 * HTML and `<…>` autolinks). A body that is not valid MDX does not parse at all; it becomes one
 * `mdxUnreadable` node over the whole text, so it is still kept, byte for byte, and editable as source.
 *
 * Importing this module makes MDX parsing available at once (the back end and the CLI do); the
 * renderer loads it on demand through `loadMdxSyntax` (./load.ts), see ./syntax-slot.ts.
 */
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import type { Extension } from 'micromark-util-types';
import { provideMdxSyntax } from './syntax-slot';

export { isMdxPath, MDX_EXTENSIONS } from './mdx-path';
export { parseMdxOrKeep, type MdxUnreadableNode } from './syntax-slot';

/** The micromark extension for MDX (ES2024 modules, as current MDX compilers read them). */
export function mdxSyntax(): Extension {
  // The estree results are not needed (the source is kept as written) and would only cost memory.
  return mdxjs({ addResult: false });
}

/** The mdast extensions for MDX. */
export function mdxTreeExtensions(): FromMarkdownExtension[] {
  return mdxFromMarkdown();
}

provideMdxSyntax({ mdxSyntax, mdxTreeExtensions });
