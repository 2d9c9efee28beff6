// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { Inspector } from '../../../../renderer/app/Inspector';
import { accessibleName, allByRole, click, getByRole, mount, type Mounted, settleLazyParts } from '../dom';
import { fakeBackend, fakeWorkspace, inWorkspace } from '../fake-backend';

vi.mock('../../../../renderer/api', () => ({ on: vi.fn(() => () => undefined), mediaUrl: vi.fn(() => '') }));

declare global {
  interface Window {
    happyDOM?: { setViewport(viewport: { width?: number; height?: number }): void };
  }
}
/** Resizes the window, as a writer does (the pane layout follows media queries). */
const setWidth = (width: number) => act(async () => window.happyDOM?.setViewport({ width, height: 800 }));

let mounted: Mounted | undefined;
beforeEach(async () => {
  vi.useFakeTimers();
  await setWidth(1400);
});
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
  vi.useRealTimers();
});

async function render() {
  const { invoke } = fakeBackend({});
  const workspace = fakeWorkspace(invoke);
  mounted = await mount(inWorkspace(<Inspector />, workspace));
  return { workspace, container: mounted.container };
}

const selected = (container: HTMLElement) =>
  allByRole(container, 'tab')
    .filter((tab) => tab.getAttribute('aria-selected') === 'true')
    .map(accessibleName);
const visiblePanel = (container: HTMLElement) => allByRole(container, 'tabpanel').filter((panel) => !panel.hidden);
const press = (element: HTMLElement, key: string) =>
  act(async () => void element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));

describe('Inspector', () => {
  it('shows one tab at a time, each saying what to do with no post open', async () => {
    const { container, workspace } = await render();
    expect(allByRole(container, 'tab').map(accessibleName)).toEqual(['Fields', 'SEO', 'Publish', 'History']);
    expect(selected(container)).toEqual(['Fields']);
    expect(visiblePanel(container).map((panel) => panel.textContent)).toEqual(['Open a post to edit its fields.']);

    // The tab's code is in before the click: a chunk still loading when the tab first draws would
    // show React's fallback, and with this test's fake timers its throttled reveal never comes.
    await settleLazyParts();
    await click(getByRole(container, 'tab', 'History'));
    await settleLazyParts();
    expect(workspace.store.getState().tab).toBe('history');
    expect(visiblePanel(container).map((panel) => panel.textContent)).toEqual(['Open a post to see its versions.']);
  });

  it('walks the tabs with the arrow keys, Home and End, wrapping at the ends; only the chosen one is a tab stop', async () => {
    const { container } = await render();
    const fields = getByRole(container, 'tab', 'Fields');
    await press(fields, 'ArrowLeft');
    expect(selected(container)).toEqual(['History']);
    expect(document.activeElement).toBe(getByRole(container, 'tab', 'History'));
    await press(document.activeElement as HTMLElement, 'ArrowRight');
    expect(selected(container)).toEqual(['Fields']);
    await press(fields, 'End');
    expect(selected(container)).toEqual(['History']);
    await press(document.activeElement as HTMLElement, 'Home');
    expect(selected(container)).toEqual(['Fields']);
    await press(fields, 'a');
    expect(selected(container)).toEqual(['Fields']);
    expect(allByRole(container, 'tab').map((tab) => tab.tabIndex)).toEqual([0, -1, -1, -1]);
  });

  it('folds into a rail and back', async () => {
    const { container, workspace } = await render();
    await click(getByRole(container, 'button', 'Hide inspector'));
    expect(workspace.store.getState().inspectorOpen).toBe(false);
    expect(allByRole(container, 'tab')).toEqual([]);
    await click(getByRole(container, 'button', 'Show inspector'));
    expect(selected(container)).toEqual(['Fields']);
  });

  it('floats over the page in a narrow window: closed at first, opened from its rail, closed by Escape', async () => {
    await setWidth(1000);
    const { container, workspace } = await render();
    expect(workspace.store.getState().inspectorOpen).toBe(false);
    await click(getByRole(container, 'button', 'Show inspector'));
    expect(selected(container)).toEqual(['Fields']);
    getByRole(container, 'tab', 'Fields').focus();
    await act(async () => void window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(workspace.store.getState().inspectorOpen).toBe(false);
  });
});
