/**
 * mdast → Markdown for blocks that changed, through mdast-util-to-markdown with the document's
 * style as options and per-node overrides: an export visitor puts the original node's markers in
 * `data.masthead` (e.g. `{emphasis: '_'}`), and the wrapped handlers apply them while that node is
 * written. So an edited paragraph keeps `_em_` next to `*em*`, a `*` list inside a `-` list stays so.
 */
import type { Literal, Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { defaultHandlers, toMarkdown, type Handle, type Options, type State } from 'mdast-util-to-markdown';
import { quickSafeRoot } from './quick-safe';
import type { DocStyle } from './style';

/** A node that carries text to write verbatim (template tags, literal autolinks, footnote marks). */
export interface VerbatimNode extends Literal {
  type: 'mastheadVerbatim';
}

/**
 * Phrasing between kept source: a link whose `](url "title")` or `][label]` is written as it was
 * while its text is serialized (`[` + children + tail).
 */
export interface GroupNode {
  type: 'mastheadGroup';
  head: string;
  tail: string;
  children: PhrasingContent[];
  data?: Literal['data'];
  position?: Literal['position'];
}

// Our two nodes are mdast nodes like any other: export visitors put them where phrasing or blocks go.
declare module 'mdast' {
  interface PhrasingContentMap {
    mastheadVerbatim: VerbatimNode;
    mastheadGroup: GroupNode;
  }
  interface RootContentMap {
    mastheadVerbatim: VerbatimNode;
    mastheadGroup: GroupNode;
  }
}

/** The option keys a node may override for itself; anything else in `data.masthead` is ignored. */
const OVERRIDABLE = [
  'bullet',
  'bulletOrdered',
  'emphasis',
  'strong',
  'fence',
  'fences',
  'setext',
  'closeAtx',
  'listItemIndent',
  'incrementListMarker',
  'resourceLink',
  'hardBreak',
] as const;

type Overrides = Record<string, unknown>;
type AttentionHandle = Handle & {
  attention?: (node: Nodes, state: State) => unknown;
  peek?: (node: Nodes, parent: unknown, state: State) => string;
};

/** Attaches per-node option overrides to an mdast node (the contract with {@link serializeBlock}). */
export function withSyntax<T extends object>(node: T, overrides: Overrides): T {
  const picked: Overrides = {};
  for (const key of OVERRIDABLE) if (overrides[key] !== undefined) picked[key] = overrides[key];
  if (Object.keys(picked).length > 0) (node as { data?: Record<string, unknown> }).data = { masthead: picked };
  return node;
}

function overridesOf(node: Nodes): Overrides | undefined {
  const data = node.data as { masthead?: Overrides } | undefined;
  return data?.masthead;
}

/** Runs `fn` with the node's overrides applied to `state.options`, then restores them. */
function withOverrides<T>(node: Nodes, state: State, fn: () => T): T {
  const overrides = overridesOf(node);
  if (!overrides) return fn();
  const options = state.options as Record<string, unknown>;
  const saved = new Map<string, unknown>();
  for (const [key, value] of Object.entries(overrides)) {
    saved.set(key, options[key]);
    options[key] = value;
  }
  try {
    return fn();
  } finally {
    for (const [key, value] of saved) options[key] = value;
  }
}

function wrap(base: Handle): AttentionHandle {
  const original = base as AttentionHandle;
  const handle: AttentionHandle = (node, parent, state, info) =>
    withOverrides(node as Nodes, state, () => original(node, parent, state, info));
  // Emphasis and strong are written through `attention` by their parent's phrasing (the marker is
  // chosen there), so the overrides have to be applied around that call as well.
  if (original.attention) {
    const attention = original.attention;
    handle.attention = (node, state) => withOverrides(node, state, () => attention(node, state));
  }
  if (original.peek) {
    const peek = original.peek;
    handle.peek = (node, parent, state) => withOverrides(node, state, () => peek(node, parent, state));
  }
  return handle;
}

const hardBreak: Handle = (node, parent, state, info) => {
  const value = defaultHandlers.break(node as never, parent as never, state, info);
  const style = (overridesOf(node as Nodes)?.hardBreak ?? (state.options as Overrides).hardBreak) as string | undefined;
  // Only swap the backslash form: the default handler returns a space where no line ending may go.
  return value === '\\\n' && style === 'spaces' ? '  \n' : value;
};

const verbatim: Handle = (node: VerbatimNode) => node.value;
(verbatim as AttentionHandle).peek = (node) => (node.type === 'mastheadVerbatim' ? node.value.charAt(0) : '');

// Written like mdast-util-to-markdown's link handler: the text is a link label (an unescaped `]`
// would end it), only the head and tail come from the source.
const group: Handle = (node: GroupNode, _parent, state, info) => {
  const { head, tail } = node;
  const exitLink = state.enter('link');
  const exitLabel = state.enter('label');
  const tracker = state.createTracker(info);
  let value = tracker.move(head);
  value += tracker.move(
    state.containerPhrasing(node as never, { before: value, after: tail.charAt(0) || ']', ...tracker.current() }),
  );
  exitLabel();
  exitLink();
  return value + tracker.move(tail);
};
(group as AttentionHandle).peek = (node) => (node.type === 'mastheadGroup' ? node.head.charAt(0) : '');

// A nested list written further in than its parent's text (`data.mastheadIndent` spaces more).
const listHandle = wrap(defaultHandlers.list);
const list: Handle = (node, parent, state, info) => {
  const value = listHandle(node, parent, state, info);
  const indent = (node as { data?: { mastheadIndent?: unknown } }).data?.mastheadIndent;
  if (typeof indent !== 'number' || indent <= 0) return value;
  return value
    .split('\n')
    .map((line) => (line === '' ? line : ' '.repeat(indent) + line))
    .join('\n');
};

const handlers = {
  root: quickSafeRoot,
  emphasis: wrap(defaultHandlers.emphasis),
  strong: wrap(defaultHandlers.strong),
  list,
  heading: wrap(defaultHandlers.heading),
  code: wrap(defaultHandlers.code),
  link: wrap(defaultHandlers.link),
  break: wrap(hardBreak),
  mastheadVerbatim: verbatim,
  mastheadGroup: group,
} as unknown as Options['handlers'];

// Built once per style object and reused: mdast-util-to-markdown compiles each `unsafe` pattern to
// a RegExp and caches it on the pattern object, so a fresh gfmToMarkdown() per block (one call per
// block on import and again on export) recompiled dozens of regexes every time. to-markdown copies
// the options into its own per-call state, so sharing the object between calls is safe.
const gfmExtension = gfmToMarkdown();
const mdxExtension = mdxToMarkdown();
const optionsCache = new WeakMap<DocStyle, Options>();

function optionsFor(style: DocStyle): Options {
  let options = optionsCache.get(style);
  if (!options) {
    options = buildOptions(style);
    optionsCache.set(style, options);
  }
  return options;
}

function buildOptions(style: DocStyle): Options {
  return {
    bullet: style.bullet,
    bulletOrdered: style.bulletOrdered,
    emphasis: style.emphasis,
    strong: style.strong,
    fence: style.fence,
    // MDX has no indented code: its extension's `fences: true` must not be overridden here.
    fences: style.fences || style.mdx === true,
    setext: style.setext,
    closeAtx: style.closeAtx,
    rule: style.rule,
    ruleRepetition: style.ruleRepetition,
    ruleSpaces: style.ruleSpaces,
    listItemIndent: style.listItemIndent,
    incrementListMarker: style.incrementListMarker,
    extensions: [
      gfmExtension,
      ...(style.mdx === true ? [mdxExtension] : []),
      { handlers, hardBreak: style.hardBreak } as Options,
    ],
  };
}

/** Serializes one block (or several, joined as to-markdown joins them) without the final newline. */
export function serializeBlocks(blocks: RootContent[], style: DocStyle): string {
  const tree: Root = { type: 'root', children: blocks };
  const out = toMarkdown(tree, optionsFor(style));
  return out.endsWith('\n') ? out.slice(0, -1) : out;
}
