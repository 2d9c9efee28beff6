/**
 * A GitHub alert (`> [!NOTE]`, `> [!TIP]`, `> [!IMPORTANT]`, `> [!WARNING]`, `> [!CAUTION]`): a
 * block quote whose first line names a kind. In the editor it is a callout holding ordinary blocks
 * (a shadow root, like a multi-block quote), drawn as `<blockquote data-md-alert="note">` with the
 * kind's label from `data-label`; the marker is kept exactly as written (`[!note]` stays lowercase).
 */
import { addClassNamesToElement } from '@lexical/utils';
import { $create, $getState, $setState, createState, ElementNode, type EditorConfig, type LexicalNode } from 'lexical';
import { $createElement, type DomElement } from '../../dom';

/** The five kinds GitHub renders, in its order. */
export const ALERT_KINDS = ['note', 'tip', 'important', 'warning', 'caution'] as const;

/** One alert kind. */
export type AlertKind = (typeof ALERT_KINDS)[number];

/** The label each kind shows, as GitHub shows it. */
export const ALERT_LABELS: Readonly<Record<AlertKind, string>> = {
  note: 'Note',
  tip: 'Tip',
  important: 'Important',
  warning: 'Warning',
  caution: 'Caution',
};

/** The marker line: `[!KIND]` alone on the first line (any case), trailing blanks allowed. */
const MARKER = /^\[!(note|tip|important|warning|caution)\][ \t]*$/i;

/** The kind a marker names, or null when the text is not an alert marker. */
export function alertKindOf(marker: string): AlertKind | null {
  const match = MARKER.exec(marker);
  return match?.[1] ? (match[1].toLowerCase() as AlertKind) : null;
}

/** The marker as written (`[!NOTE]`); a new alert's marker is the upper-case one GitHub documents. */
const markerState = createState('marker', {
  parse: (value) => (typeof value === 'string' && alertKindOf(value) ? value : '[!NOTE]'),
});

/** A GitHub alert holding blocks. */
export class AlertNode extends ElementNode {
  /** @internal */
  override $config() {
    return this.config('md-alert', { extends: ElementNode, stateConfigs: [{ stateConfig: markerState, flat: true }] });
  }

  /** The marker line as written, e.g. `[!TIP]`. */
  getMarker(): string {
    return $getState(this, markerState);
  }

  /** The alert's kind. */
  getAlertKind(): AlertKind {
    return alertKindOf(this.getMarker()) ?? 'note';
  }

  /** Changes the kind, keeping the marker's case (`[!note]` → `[!tip]`). */
  setAlertKind(kind: AlertKind): this {
    const marker = this.getMarker();
    const name = marker.slice(2, marker.indexOf(']'));
    const written = name === name.toLowerCase() ? kind : kind.toUpperCase();
    return $setState(this, markerState, `[!${written}]`);
  }

  override createDOM(config: EditorConfig): DomElement {
    const element = $createElement('blockquote');
    addClassNamesToElement(element, config.theme.mdAlert as string | undefined);
    this.applyKind(element);
    return element;
  }

  override updateDOM(prevNode: this, dom: DomElement): boolean {
    // 'direct': the previous version's own marker ('latest' would read this version through it).
    if ($getState(prevNode, markerState, 'direct') !== $getState(this, markerState, 'direct')) this.applyKind(dom);
    return false;
  }

  private applyKind(element: DomElement): void {
    const kind = this.getAlertKind();
    element.setAttribute('data-md-alert', kind);
    // The label is drawn by CSS from data-label; role and aria-label give it to assistive tech too.
    element.setAttribute('data-label', ALERT_LABELS[kind]);
    element.setAttribute('role', 'note');
    element.setAttribute('aria-label', ALERT_LABELS[kind]);
  }

  /** Holds blocks, so Lexical treats it as a root for its paragraphs (Enter, selection, lists). */
  override isShadowRoot(): boolean {
    return true;
  }

  /** Backspace at its very start lifts the blocks out, as for a multi-block quote: the callout goes, the text stays. */
  override collapseAtStart(): true {
    for (const child of this.getChildren()) this.insertBefore(child);
    this.remove();
    return true;
  }

  override canIndent(): false {
    return false;
  }
}

/** Creates an alert with the marker as written. */
export function $createAlertNode(marker = '[!NOTE]'): AlertNode {
  return $setState($create(AlertNode), markerState, marker);
}

/** Type guard for {@link AlertNode}. */
export function $isAlertNode(node: LexicalNode | null | undefined): node is AlertNode {
  return node instanceof AlertNode;
}
