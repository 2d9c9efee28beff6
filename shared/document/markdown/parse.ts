/**
 * Markdown → mdast with the syntax Masthead understands: CommonMark, GFM (tables, task lists,
 * strikethrough, autolink literals, footnotes), template tags (Hugo/Liquid) — or, for `.mdx`
 * posts, MDX's JSX, ESM and expressions in their place — and optionally a leading front-matter
 * block. Positions are kept: the importer slices the source with them.
 */
import type { Nodes, Root } from 'mdast';
import { fromMarkdown, type Extension as MdastExtension, type Transform } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { loadedMdxSyntax, parseMdxOrKeep } from '../constructs/mdx/syntax-slot';
import { templateTagFromMarkdown, templateTagSyntax } from '../constructs/shortcode/syntax';
import { quickParse, quickParseApplies } from './quick-parse';

// A literal autolink needs "http://", "https://" or "www." (any case), or an "@" (e-mail, mailto:,
// xmpp:), in a text node outside links: the regular expressions of mdast-util-gfm-autolink-literal.
const MAY_AUTOLINK = /https?:\/\/|www\.|@/i;

function mayHoldLiteralAutolink(node: Nodes): boolean {
  if (node.type === 'text') return MAY_AUTOLINK.test(node.value);
  if (node.type === 'link' || node.type === 'linkReference' || !('children' in node)) return false;
  for (const child of node.children) if (mayHoldLiteralAutolink(child)) return true;
  return false;
}

/**
 * GFM's mdast extensions, made once (they hold no state). Their one tree transform turns autolink
 * literals in text into links by running four regular expressions over every text node with
 * unist-util-visit-parents: ~10% of opening a post. It runs only where a text node could match, so
 * the tree is the same (test/unit/shared/document/markdown/parse.test.ts compares it on the
 * fixtures and the CommonMark spec).
 */
const gfmTree: MdastExtension[] = gfmFromMarkdown().map((extension) => {
  const transforms = extension.transforms;
  if (!transforms) return extension;
  const guarded: Transform[] = transforms.map(
    (transform) => (tree) => (mayHoldLiteralAutolink(tree) ? transform(tree) : undefined),
  );
  return { ...extension, transforms: guarded };
});
const gfmSyntax = gfm();

/** Options for {@link parseMarkdown}. */
export interface ParseOptions {
  /**
   * Recognise a YAML (`---`) or TOML (`+++`) block at the very start. Off by default: a post body
   * comes after its front matter, and a body that merely starts with a `---` rule must stay a rule.
   */
  frontMatter?: boolean;
  /**
   * Read the body as MDX (`.mdx` posts): JSX, ESM and `{expressions}` instead of HTML, indented
   * code and template tags. A body that is not valid MDX is kept whole as source. The MDX syntax
   * must be loaded first (`loadMdxSyntax`, or an import of constructs/mdx/syntax).
   */
  mdx?: boolean;
}

/** Parses a Markdown body to an mdast tree with source positions. */
export function parseMarkdown(markdown: string, options: ParseOptions = {}): Root {
  const matter = options.frontMatter === true;
  if (options.mdx === true) {
    // Outside parseMdxOrKeep: a syntax not loaded is a bug to report, not a body to keep as source.
    const mdx = loadedMdxSyntax();
    return parseMdxOrKeep(markdown, () =>
      fromMarkdown(markdown, {
        extensions: [gfm(), mdx.mdxSyntax(), ...(matter ? [frontmatter(['yaml', 'toml'])] : [])],
        mdastExtensions: [
          gfmFromMarkdown(),
          ...mdx.mdxTreeExtensions(),
          ...(matter ? [frontmatterFromMarkdown(['yaml', 'toml'])] : []),
        ],
      }),
    );
  }
  if (matter || !quickParseApplies(markdown)) return parseSlowly(markdown, matter);
  return quickParse(markdown, (slice) => parseSlowly(slice));
}

/** micromark's parse of a body (or a slice of one, from a line start), with front matter when `matter`. */
function parseSlowly(markdown: string, matter = false): Root {
  return fromMarkdown(markdown, {
    extensions: [gfmSyntax, templateTagSyntax(), ...(matter ? [frontmatter(['yaml', 'toml'])] : [])],
    mdastExtensions: [
      gfmTree,
      templateTagFromMarkdown(),
      ...(matter ? [frontmatterFromMarkdown(['yaml', 'toml'])] : []),
    ],
  });
}
