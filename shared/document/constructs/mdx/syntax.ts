/**
 * MDX syntax for the parser: JSX elements, `import`/`export` (ESM) and `{expressions}` through the
 * micromark/mdast MDX extensions (which also turn off what MDX drops from Markdown: indented code,
 * HTML and `<…>` autolinks). A body that is not valid MDX does not parse at all; it becomes one
 * `mdxUnreadable` node over the whole text, so it is still kept, byte for byte, and editable as source.
 */
import type { Root } from 'mdast';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import type { Extension } from 'micromark-util-types';

/** The mdast node standing for a body the MDX parser refused (not part of the mdast type union). */
export interface MdxUnreadableNode {
  type: 'mdxUnreadable';
  /** The parser's reason, with the line and column it stopped at. */
  value: string;
  position: {
    start: { line: number; column: number; offset: number };
    end: { line: number; column: number; offset: number };
  };
}

/** The extensions of MDX posts: the file name decides the syntax, as it does for the site's build. */
export const MDX_EXTENSIONS = ['.mdx'] as const;

/** True when a post path is an MDX file (`.mdx`, any case). */
export function isMdxPath(path: string): boolean {
  const lower = path.toLowerCase();
  return MDX_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

/** The micromark extension for MDX (ES2024 modules, as current MDX compilers read them). */
export function mdxSyntax(): Extension {
  // The estree results are not needed (the source is kept as written) and would only cost memory.
  return mdxjs({ addResult: false });
}

/** The mdast extensions for MDX. */
export function mdxTreeExtensions(): FromMarkdownExtension[] {
  return mdxFromMarkdown();
}

/**
 * Runs an MDX parse; when the text is not valid MDX (an unclosed `<Tag>`, a stray `{`, an HTML
 * comment), returns a tree holding one {@link MdxUnreadableNode} over the non-blank text instead.
 */
export function parseMdxOrKeep(markdown: string, parse: () => Root): Root {
  try {
    return parse();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const start = markdown.length - markdown.trimStart().length;
    const end = markdown.trimEnd().length;
    if (end <= start) return { type: 'root', children: [] };
    const node: MdxUnreadableNode = {
      type: 'mdxUnreadable',
      value: reason,
      position: { start: pointAt(markdown, start), end: pointAt(markdown, end) },
    };
    return { type: 'root', children: [node as unknown as Root['children'][number]] };
  }
}

function pointAt(text: string, offset: number): { line: number; column: number; offset: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n'), offset };
}
