/**
 * Template tags inside Markdown — Hugo shortcodes (`{{< x >}}`, `{{% x %}}`) and Liquid
 * (`{% x %}`, `{{ x }}`) — as one opaque inline token. Without this, micromark would read the
 * quotes, underscores and asterisks inside a tag's parameters as emphasis or links, and an edited
 * paragraph would be re-serialized with escapes that break the site's build.
 */
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Literal } from 'mdast';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    mastheadTemplateTag: 'mastheadTemplateTag';
    mastheadTemplateTagData: 'mastheadTemplateTagData';
  }
}

/** The mdast node a template tag becomes: a phrasing node, added to mdast's node types below. */
export interface TemplateTagNode extends Literal {
  type: 'templateTag';
}

declare module 'mdast' {
  interface PhrasingContentMap {
    templateTag: TemplateTagNode;
  }
  interface RootContentMap {
    templateTag: TemplateTagNode;
  }
}

const LEFT_BRACE = 123;
const RIGHT_BRACE = 125;
const PERCENT = 37;
const LESS_THAN = 60;
const GREATER_THAN = 62;
// micromark's virtual codes: line endings are negative, as are tab and the spaces a tab expands to.
const CR = -5;
const LF = -4;
const CRLF = -3;
const TAB = -2;
const VIRTUAL_SPACE = -1;
const SPACE = 32;

function isLineEnding(code: Code): boolean {
  return code === CR || code === LF || code === CRLF;
}

function isSpace(code: Code): boolean {
  return code === TAB || code === VIRTUAL_SPACE || code === SPACE;
}

const construct: Construct = { name: 'mastheadTemplateTag', tokenize: tokenizeTemplateTag };

function tokenizeTemplateTag(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  // The sequence that closes the tag, chosen by its opening (`{{<` → `>}}`, `{%` → `%}`, …).
  let closing: number[] = [];
  let matched = 0;

  const start: State = (code: Code) => {
    effects.enter('mastheadTemplateTag');
    effects.enter('mastheadTemplateTagData');
    effects.consume(code);
    return afterBrace;
  };

  const afterBrace: State = (code: Code) => {
    if (code === LEFT_BRACE) {
      effects.consume(code);
      return afterDoubleBrace;
    }
    if (code === PERCENT) {
      effects.consume(code);
      closing = [PERCENT, RIGHT_BRACE];
      return inside;
    }
    return nok(code);
  };

  const afterDoubleBrace: State = (code: Code) => {
    if (code === LESS_THAN || code === PERCENT) {
      effects.consume(code);
      closing = [code === LESS_THAN ? GREATER_THAN : PERCENT, RIGHT_BRACE, RIGHT_BRACE];
      return inside;
    }
    closing = [RIGHT_BRACE, RIGHT_BRACE];
    return inside(code);
  };

  // Hugo allows parameters to span lines. As in micromark's own HTML (text) construct, a line
  // ending and the next line's indent get tokens of their own: text content is tokenized line by
  // line, and a data token running across a line ending never completes.
  const inside: State = (code: Code) => {
    if (code === null) return nok(code);
    if (isLineEnding(code)) {
      effects.exit('mastheadTemplateTagData');
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      matched = 0;
      return lineStart;
    }
    if (code === closing[matched]) {
      effects.consume(code);
      matched += 1;
      if (matched === closing.length) {
        effects.exit('mastheadTemplateTagData');
        effects.exit('mastheadTemplateTag');
        return ok;
      }
      return inside;
    }
    // Every closing sequence starts with a character that does not repeat in it, so a mismatch
    // can only restart the match at that first character.
    matched = code === closing[0] ? 1 : 0;
    effects.consume(code);
    return inside;
  };

  const lineStart: State = (code: Code) => {
    if (isSpace(code)) {
      effects.enter('linePrefix');
      return linePrefix(code);
    }
    return dataStart(code);
  };

  const linePrefix: State = (code: Code) => {
    if (isSpace(code)) {
      effects.consume(code);
      return linePrefix;
    }
    effects.exit('linePrefix');
    return dataStart(code);
  };

  // A paragraph has no blank lines, so the new line holds at least one character of the tag.
  const dataStart: State = (code: Code) => {
    if (code === null || isLineEnding(code)) return nok(code);
    effects.enter('mastheadTemplateTagData');
    return inside(code);
  };

  return start;
}

/** micromark syntax extension: template tags as an inline construct. */
export function templateTagSyntax(): Extension {
  return { text: { [LEFT_BRACE]: construct } };
}

/** mdast-util-from-markdown extension: turns the token into a `templateTag` node holding its exact text. */
export function templateTagFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      mastheadTemplateTag(this: CompileContext, token: Token) {
        this.enter({ type: 'templateTag', value: '' }, token);
      },
    },
    exit: {
      mastheadTemplateTag(this: CompileContext, token: Token) {
        const node = this.stack[this.stack.length - 1];
        if (node?.type === 'templateTag') node.value = this.sliceSerialize(token);
        this.exit(token);
      },
    },
  };
}
