// @vitest-environment happy-dom
// The rehearsal draws a post body once, hidden, inside the post page's classes, and leaves the
// document as it found it: nothing a writer, a screen reader or a test could find afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import { stageRehearsal } from '../../../../renderer/editor/dress-rehearsal';

describe('the dress rehearsal of the post page', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('draws every common construct inside the page classes, hidden and not editable', () => {
    document.body.innerHTML = '<div id="root"><p>The library</p></div>';
    const rehearsal = stageRehearsal(document.body);
    rehearsal.draw();
    rehearsal.layOut();
    const stage = document.body.lastElementChild as HTMLElement;
    expect(stage.getAttribute('aria-hidden')).toBe('true');
    expect(stage.style.visibility).toBe('hidden');
    expect(stage.style.pointerEvents).toBe('none');
    const content = stage.querySelector('.page .page__scroll .page__sheet .editor .editor__content');
    expect(content?.getAttribute('contenteditable')).toBe('false');
    for (const selector of ['h1', 'h2', 'p', 'ul', 'ol', 'blockquote', 'table', 'code', 'strong', 'em', 'a'])
      expect(content?.querySelector(selector), selector).not.toBeNull();
  });

  it('leaves nothing behind once removed', () => {
    document.body.innerHTML = '<div id="root"><p>The library</p></div>';
    const before = document.body.innerHTML;
    const rehearsal = stageRehearsal(document.body);
    rehearsal.draw();
    rehearsal.layOut();
    rehearsal.remove();
    expect(document.body.innerHTML).toBe(before);
  });
});
