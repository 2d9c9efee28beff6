/**
 * Small DOM helpers for renderer tests under happy-dom: mount a React tree, find controls by
 * role and accessible name as a person would, and type into controlled inputs.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

/** A mounted tree and its container. */
export interface Mounted {
  container: HTMLElement;
  root: Root;
  rerender(node: ReactNode): Promise<void>;
  unmount(): Promise<void>;
}

/** Renders `node` into a fresh container attached to the document. */
export async function mount(node: ReactNode): Promise<Mounted> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(node));
  return {
    container,
    root,
    rerender: async (next) => act(async () => root.render(next)),
    unmount: async () => {
      await act(async () => root.unmount());
      container.remove();
    },
  };
}

function textOf(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The accessible name, from aria-labelledby, aria-label, <label for>, a fieldset's legend, or text. */
export function accessibleName(element: Element): string {
  const doc = element.ownerDocument;
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy
      .split(/\s+/)
      .map((id) => doc.getElementById(id))
      .filter((node): node is HTMLElement => node !== null)
      .map(textOf)
      .join(' ');
  }
  const label = element.getAttribute('aria-label');
  if (label) return label;
  const id = element.getAttribute('id');
  if (id) {
    const forLabel = doc.querySelector(`label[for="${CSS.escape(id)}"]`);
    if (forLabel) return textOf(forLabel);
  }
  if (element.tagName === 'FIELDSET') {
    const legend = element.querySelector(':scope > legend');
    return legend ? textOf(legend) : '';
  }
  if (['BUTTON', 'A'].includes(element.tagName) || element.getAttribute('role') === 'tab') return textOf(element);
  return '';
}

const ROLE_SELECTORS: Record<string, string> = {
  // A text input with a suggestion list is a combobox, as browsers expose it (HTML-AAM).
  textbox:
    'input:not([type]):not([list]), input[type="text"]:not([list]), input[type="search"], input[type="url"], textarea, [role="textbox"], [contenteditable="true"]',
  combobox: '[role="combobox"], input:not([type])[list], input[type="text"][list]',
  checkbox: 'input[type="checkbox"]',
  spinbutton: 'input[type="number"]',
  button: 'button, [role="button"]',
  group: 'fieldset, [role="group"]',
  // A named <section> is a region landmark.
  region: 'section[aria-label], section[aria-labelledby], [role="region"]',
  tab: '[role="tab"]',
  status: '[role="status"]',
  alert: '[role="alert"]',
  date: 'input[type="date"], input[type="datetime-local"]',
  navigation: 'nav, [role="navigation"]',
  contentinfo: 'footer, [role="contentinfo"]',
  main: 'main, [role="main"]',
  list: 'ul, ol, [role="list"]',
};

/** Every element of `role` under `scope` whose accessible name equals `name` (when given). */
export function allByRole(scope: ParentNode, role: string, name?: string): HTMLElement[] {
  const selector = ROLE_SELECTORS[role] ?? `[role="${role}"]`;
  return Array.from(scope.querySelectorAll<HTMLElement>(selector)).filter(
    (element) => name === undefined || accessibleName(element) === name,
  );
}

/** The one element of `role` named `name`; throws when there are none or several. */
export function getByRole(scope: ParentNode, role: string, name?: string): HTMLElement {
  const found = allByRole(scope, role, name);
  if (found.length !== 1) {
    const names = allByRole(scope, role).map(accessibleName);
    throw new Error(
      `Expected one ${role} named ${JSON.stringify(name)}, found ${found.length}. Present: ${JSON.stringify(names)}`,
    );
  }
  return found[0] as HTMLElement;
}

/** Sets a controlled input's value the way typing does, so React's onChange fires. */
export async function typeInto(element: HTMLElement, value: string): Promise<void> {
  const proto = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Clicks an element inside act(). */
export async function click(element: HTMLElement): Promise<void> {
  await act(async () => element.click());
}

/**
 * Lets parts loaded on demand (React.lazy: the editor chunk, the palette, the publish question)
 * arrive and render: their modules load for real, then React shows them in place of the fallback.
 */
export async function settleLazyParts(rounds = 3): Promise<void> {
  const { loadEditorChunk } = await import('../../../renderer/editor/editor-loader');
  // The modules themselves load once per test file (they are cached after); React.lazy then
  // resolves within a few microtasks.
  await Promise.all([
    loadEditorChunk(),
    import('../../../renderer/library/NewPostDialog'),
    import('../../../renderer/seo/SeoTab'),
    import('../../../renderer/history/HistoryPanel'),
    import('../../../renderer/publish/PublishPanel'),
    import('../../../renderer/sync/ConflictView'),
    import('../../../renderer/commands/CommandPalette'),
    import('../../../renderer/commands/PublishConfirm'),
    import('../../../renderer/editor/paste/PastePlugin').then((paste) => paste.loadPasteConverters()),
  ]);
  for (let round = 0; round < rounds; round++) {
    await act(async () => {
      await new Promise<void>((resolve) => queueMicrotask(resolve));
    });
  }
}
