/**
 * A thematic break (`---`, `***`, `___`) as a block decorator drawn as `<hr>`. The renderer may
 * register a component with `setDecoratorRenderer('thematic-break', …)` (e.g. for a selected
 * state); without one the bare `<hr>` shows.
 */
import { addClassNamesToElement } from '@lexical/utils';
import {
  $create,
  DecoratorNode,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { getDecoratorRenderer } from '../../decorators';
import { $createElement, type DomElement } from '../../dom';

/** A horizontal rule between blocks. */
export class ThematicBreakNode extends DecoratorNode<unknown> {
  /** @internal */
  override $config() {
    return this.config('md-thematic-break', { extends: DecoratorNode });
  }

  override createDOM(config: EditorConfig): DomElement {
    const element = $createElement('hr');
    addClassNamesToElement(element, config.theme.hr as string | undefined);
    return element;
  }

  override updateDOM(): boolean {
    return false;
  }

  override exportDOM(): DOMExportOutput {
    return { element: $createElement('hr') };
  }

  override getTextContent(): string {
    return '\n';
  }

  override isInline(): false {
    return false;
  }

  override decorate(editor: LexicalEditor): unknown {
    const renderer = getDecoratorRenderer('thematic-break');
    return renderer ? renderer({ editor, nodeKey: this.getKey() }) : null;
  }
}

/** Creates a thematic break node. */
export function $createThematicBreakNode(): ThematicBreakNode {
  return $create(ThematicBreakNode);
}

/** Type guard for {@link ThematicBreakNode}. */
export function $isThematicBreakNode(node: LexicalNode | null | undefined): node is ThematicBreakNode {
  return node instanceof ThematicBreakNode;
}
