/**
 * Lexical keeps emphasis, strong and strikethrough as format flags on flat text nodes; Markdown
 * nests them. This rebuilds the nesting from flat runs: each mark opens where it starts and spans
 * as many runs as carry it, the longest-running mark outermost — so `_a **b** c_` comes back as
 * written. Whitespace at a mark's edge is moved outside it (`**word **` is not valid emphasis).
 */
import type { PhrasingContent } from 'mdast';
import { withSyntax } from '../../markdown/serialize';
import type { InlineRun, Mark } from '../../convert/types';

// On a tie the first wins: CommonMark reads `***x***` as emphasis around strong.
const ORDER: readonly Mark[] = ['emphasis', 'strong', 'delete'];

type Resolved = Omit<InlineRun, 'marks'> & { marks: readonly Mark[] };

function intersect(a: readonly Mark[], b: readonly Mark[]): Mark[] {
  return a.filter((mark) => b.includes(mark));
}

/** Content without formatting of its own (a break, an image) takes the marks its neighbours share. */
function resolveNeutral(runs: readonly InlineRun[]): Resolved[] {
  return runs.map((run, index) => {
    if (run.marks !== null) return { ...run, marks: run.marks };
    const before =
      runs
        .slice(0, index)
        .reverse()
        .find((r) => r.marks !== null)?.marks ?? [];
    const after = runs.slice(index + 1).find((r) => r.marks !== null)?.marks ?? [];
    return { ...run, marks: intersect(before, after) };
  });
}

function splitEdgeWhitespace(runs: readonly Resolved[]): Resolved[] {
  const out: Resolved[] = [];
  runs.forEach((run, index) => {
    // Kept source (verbatim) is text too: its edge whitespace moves out of the marks the same way.
    const type = run.node.type as string;
    if ((type !== 'text' && type !== 'mastheadVerbatim') || run.marks.length === 0) {
      out.push(run);
      return;
    }
    const piece = (value: string): PhrasingContent => ({ ...run.node, value }) as PhrasingContent;
    const prev = runs[index - 1]?.marks ?? [];
    const next = runs[index + 1]?.marks ?? [];
    const match = /^(\s*)([^]*?)(\s*)$/.exec((run.node as { value: string }).value);
    const [, lead = '', core = '', trail = ''] = match ?? [];
    if (core === '') {
      out.push({ ...run, marks: intersect(intersect(run.marks, prev), next) });
      return;
    }
    if (lead) out.push({ ...run, node: piece(lead), marks: intersect(run.marks, prev) });
    out.push({ ...run, node: piece(core) });
    if (trail) out.push({ ...run, node: piece(trail), marks: intersect(run.marks, next) });
  });
  return out;
}

function wrap(mark: Mark, children: PhrasingContent[], run: Resolved): PhrasingContent {
  if (mark === 'delete') return { type: 'delete', children };
  const marker = run.syntax[mark];
  return withSyntax({ type: mark, children }, marker === undefined ? {} : { [mark]: marker });
}

function nest(runs: readonly Resolved[], from: number, to: number, open: ReadonlySet<Mark>): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let index = from;
  while (index < to) {
    const run = runs[index] as Resolved;
    const pending = ORDER.filter((mark) => run.marks.includes(mark) && !open.has(mark));
    if (pending.length === 0) {
      const last = out[out.length - 1];
      // Adjacent plain text is one text node, as the parser would have produced.
      if (last?.type === 'text' && run.node.type === 'text')
        out[out.length - 1] = { type: 'text', value: last.value + run.node.value };
      else out.push(run.node);
      index += 1;
      continue;
    }
    let best = pending[0] as Mark;
    let bestEnd = index + 1;
    for (const mark of pending) {
      let end = index;
      while (end < to && (runs[end] as Resolved).marks.includes(mark)) end += 1;
      if (end > bestEnd) {
        best = mark;
        bestEnd = end;
      }
    }
    const children = nest(runs, index, bestEnd, new Set([...open, best]));
    out.push(wrap(best, children, run));
    index = bestEnd;
  }
  return out;
}

/** Builds nested mdast phrasing from flat runs; `open` marks are already applied by a container. */
export function buildPhrasing(runs: readonly InlineRun[], open: readonly Mark[] = []): PhrasingContent[] {
  const resolved = splitEdgeWhitespace(resolveNeutral(runs));
  return nest(resolved, 0, resolved.length, new Set(open));
}

/** The marks every formatted run shares (what a link around them is itself wrapped in). */
export function commonMarks(runs: readonly InlineRun[]): Mark[] {
  const marked = runs.filter((run) => run.marks !== null);
  if (marked.length === 0) return [];
  return marked.reduce<Mark[]>((acc, run) => intersect(acc, run.marks ?? []), [...(marked[0]?.marks ?? [])]);
}
