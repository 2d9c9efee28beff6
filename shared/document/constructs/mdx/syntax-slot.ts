/**
 * Where the parser finds MDX's syntax. The MDX extensions bring a JavaScript parser (acorn, the
 * largest part of the renderer), so the renderer loads them only when an `.mdx` post opens
 * (`loadMdxSyntax`); the back end, the CLI and the tests import `./syntax`, which fills this slot
 * as it loads, so their parses stay synchronous.
 */
import type { Root } from 'mdast';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Extension } from 'micromark-util-types';

/** The micromark and mdast extensions of MDX. */
export interface MdxSyntax {
  mdxSyntax: () => Extension;
  mdxTreeExtensions: () => FromMarkdownExtension[];
}

let loaded: MdxSyntax | null = null;

/** Makes MDX parsing available (called by `./syntax` as it loads). */
export function provideMdxSyntax(syntax: MdxSyntax): void {
  loaded = syntax;
}

/** True once an `.mdx` body can be parsed synchronously. */
export function mdxSyntaxLoaded(): boolean {
  return loaded !== null;
}

/** The MDX syntax; throws (rather than reading MDX as Markdown) when it was never loaded. */
export function loadedMdxSyntax(): MdxSyntax {
  if (!loaded) throw new Error('MDX syntax is not loaded: await loadMdxSyntax() before reading an .mdx body.');
  return loaded;
}

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
