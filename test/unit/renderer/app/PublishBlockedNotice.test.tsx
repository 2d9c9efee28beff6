// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, useState } from 'react';
import type { RepoSummary } from '../../../../shared/api';
import type { FieldIssue } from '../../../../shared/content/schema/types';
import { PublishBlockedNotice } from '../../../../renderer/app/PublishBlockedNotice';
import { createStore } from '../../../../renderer/app/store';
import type { WorkspaceController } from '../../../../renderer/app/workspace-controller';
import { WorkspaceProvider } from '../../../../renderer/app/WorkspaceContext';
import { initialWorkspaceState, workspaceReducer } from '../../../../renderer/app/workspace-state';
import { allByRole, getByRole, mount, type Mounted } from '../dom';

const repo: RepoSummary = { path: '/home/ada/gigs', name: 'gigs', branch: 'main', collections: [] };
const issue = (message: string): FieldIssue => ({ path: ['venue', 'name'], severity: 'error', message });

let mounted: Mounted | undefined;
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
  vi.useRealTimers();
});

/** A form as the Fields tab lays it out: the notice first, then a folded group holding an invalid field. */
function Form() {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <PublishBlockedNotice />
      <input aria-label="Title" />
      <button type="button" aria-controls="venue-group" aria-expanded={open} onClick={() => setOpen(true)}>
        Venue
      </button>
      <div id="venue-group" hidden={!open}>
        <input aria-label="Venue name" aria-invalid="true" />
      </div>
    </div>
  );
}

async function render() {
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  mounted = await mount(
    <WorkspaceProvider value={{ store, controller: {} as WorkspaceController, editorRef: { current: null } }}>
      <Form />
    </WorkspaceProvider>,
  );
  const block = async (issues: FieldIssue[]) => act(async () => store.dispatch({ type: 'publish-blocked', issues }));
  const frame = () => act(async () => void (await vi.advanceTimersByTimeAsync(20)));
  return { container: mounted.container, block, frame };
}

describe('PublishBlockedNotice', () => {
  it('shows nothing until a publish is refused', async () => {
    const { container } = await render();
    expect(allByRole(container, 'alert')).toHaveLength(0);
  });

  it('says why the publish was refused and puts the cursor in the first field to fix, opening its group', async () => {
    const { container, block, frame } = await render();
    await block([issue('Venue name is required.')]);
    const notice = getByRole(container, 'alert');
    expect(notice.textContent).toBe('Not published. One field needs attention first:Venue name is required.');
    const field = getByRole(container, 'textbox', 'Venue name');
    await frame();
    expect(field.closest('div')?.hidden).toBe(false);
    await frame();
    expect(document.activeElement).toBe(field);
  });

  it('counts several fields', async () => {
    const { container, block } = await render();
    await block([issue('Venue name is required.'), issue('Date must be a date.')]);
    expect(getByRole(container, 'alert').textContent).toContain('2 fields need attention first:');
    expect(Array.from(getByRole(container, 'alert').querySelectorAll('li')).map((item) => item.textContent)).toEqual([
      'Venue name is required.',
      'Date must be a date.',
    ]);
  });
});
