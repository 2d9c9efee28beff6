// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { focusNextPane, modLabel, useGlobalShortcuts } from '../../../../renderer/app/use-global-shortcuts';
import type { Command } from '../../../../renderer/commands/registry';
import { mount, type Mounted } from '../dom';

let mounted: Mounted | undefined;
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

/** The three panes as the workspace lays them out, each with what should take focus. */
function Panes() {
  return (
    <>
      <nav id="library" data-pane="library" aria-label="Library">
        <input id="library-search" aria-label="Search posts" />
      </nav>
      <div id="page" data-pane="page">
        <div contentEditable="true" suppressContentEditableWarning aria-label="Body" />
      </div>
      <aside id="inspector" data-pane="inspector">
        <button type="button" role="tab" aria-selected="false">
          Fields
        </button>
        <button type="button" role="tab" aria-selected="true">
          SEO
        </button>
      </aside>
    </>
  );
}

const focused = () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent;

describe('focusNextPane (F6)', () => {
  it('moves through library, page and inspector, round the ends, both ways', async () => {
    mounted = await mount(<Panes />);
    focusNextPane(false);
    expect(focused()).toBe('Search posts');
    focusNextPane(false);
    expect(focused()).toBe('Body');
    focusNextPane(false);
    // The inspector's selected tab, not its first.
    expect(focused()).toBe('SEO');
    focusNextPane(false);
    expect(focused()).toBe('Search posts');
    focusNextPane(true);
    expect(focused()).toBe('SEO');
  });

  it('does nothing when no pane is there', () => {
    const before = document.activeElement;
    focusNextPane(false);
    expect(document.activeElement).toBe(before);
  });
});

describe('useGlobalShortcuts', () => {
  function Host({ commands, log }: { commands: Command<string[]>[]; log: string[] }) {
    useGlobalShortcuts(commands, log);
    return <input aria-label="Anywhere" />;
  }

  it('runs a command from its keys wherever focus is, and leaves other keys alone', async () => {
    const log: string[] = [];
    const commands: Command<string[]>[] = [
      {
        id: 'save',
        label: 'Save',
        group: 'File',
        shortcut: 'CmdOrCtrl+S',
        run: (context) => void context.push('save'),
      },
      {
        id: 'bold',
        label: 'Bold',
        group: 'Format',
        shortcut: 'CmdOrCtrl+B',
        keysHandledBy: 'editor',
        run: (context) => void context.push('bold'),
      },
    ];
    mounted = await mount(<Host commands={commands} log={log} />);
    const input = mounted.container.querySelector('input')!;
    const press = (init: KeyboardEventInit, target: HTMLElement = input) => {
      const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
      target.dispatchEvent(event);
      return event;
    };
    const mod = modLabel() === '⌘' ? { metaKey: true } : { ctrlKey: true };
    expect(press({ key: 's', ...mod }).defaultPrevented).toBe(true);
    expect(press({ key: 'b', ...mod }).defaultPrevented).toBe(false);
    expect(press({ key: 'x' }).defaultPrevented).toBe(false);
    expect(log).toEqual(['save']);
    expect(press({ key: 's', ...mod }, document.body).defaultPrevented).toBe(true);
    expect(log).toEqual(['save', 'save']);
    // Gone with the workspace.
    await mounted.unmount();
    mounted = undefined;
    expect(press({ key: 's', ...mod }, document.body).defaultPrevented).toBe(false);
    expect(log).toEqual(['save', 'save']);
  });
});
