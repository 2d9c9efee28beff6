/**
 * The first post of a session showed its body about 50 ms later than any later one (a 1k-word
 * post: ~110 ms against ~57 ms from the click). Besides JavaScript the engine has not compiled yet
 * (warm-up.ts), it is the page's first drawing of editor content: style rules matched against
 * those elements for the first time, the fonts they use, Lexical's code that builds their DOM.
 *
 * So once the warm-up has run, its samples (one of each common construct) are drawn once, in idle
 * time, by a real Lexical editor inside the post page's own classes, laid out, and removed. The
 * rehearsal is hidden (`visibility: hidden`, out of the way of the pointer), not editable, never
 * focused, and hidden from assistive technology.
 */
import { createEditor } from 'lexical';
import { $importMarkdown, documentNodes } from '../../shared/document';
import { editorTheme } from './theme';
import { whenIdle } from '../app/idle';
import { WARM_UP_SAMPLES } from './warm-up';

/** The classes the post page wraps its body in (PostEditor.tsx), outermost first. */
const PAGE_CLASSES = ['page', 'page__scroll', 'page__sheet', 'editor'];

/**
 * The rehearsal in `host`'s document as three steps: draw the samples in a hidden editor, lay them
 * out, remove them. Each is its own call so a caller can give each its own idle moment.
 */
export function stageRehearsal(host: HTMLElement): { draw(): void; layOut(): void; remove(): void } {
  const stage = host.ownerDocument.createElement('div');
  stage.setAttribute('aria-hidden', 'true');
  stage.style.cssText =
    'position:fixed;inset:0;visibility:hidden;pointer-events:none;overflow:hidden;z-index:-1;contain:strict';
  let parent: HTMLElement = stage;
  for (const className of PAGE_CLASSES) {
    const wrapper = host.ownerDocument.createElement('div');
    wrapper.className = className;
    parent.append(wrapper);
    parent = wrapper;
  }
  const content = host.ownerDocument.createElement('div');
  content.className = 'editor__content';
  content.setAttribute('contenteditable', 'false');
  parent.append(content);
  const editor = createEditor({
    namespace: 'masthead-rehearsal',
    nodes: documentNodes,
    theme: editorTheme,
    editable: false,
    onError: () => undefined,
  });
  return {
    draw() {
      host.append(stage);
      editor.setRootElement(content);
      editor.update(() => $importMarkdown(WARM_UP_SAMPLES.join('\n')), { discrete: true });
    },
    layOut() {
      void content.getBoundingClientRect();
    },
    remove() {
      editor.setRootElement(null);
      stage.remove();
    },
  };
}

/** Runs the rehearsal in three idle moments (timer turns where the browser has no idle callbacks). */
export function rehearseEditorPage(): void {
  const rehearsal = stageRehearsal(document.body);
  whenIdle(() => {
    rehearsal.draw();
    whenIdle(() => {
      rehearsal.layOut();
      whenIdle(rehearsal.remove);
    });
  });
}
