// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, useState } from 'react';
import type {
  RepoSummary,
  RequestArg,
  RequestName,
  RequestResult,
  SyncOutcome,
  SyncStatus,
} from '../../../../shared/api';
import { AppFailure } from '../../../../shared/errors';
import { StatusBar } from '../../../../renderer/app/StatusBar';
import { createStore } from '../../../../renderer/app/store';
import { useGlobalShortcuts } from '../../../../renderer/app/use-global-shortcuts';
import { appCommands, type CommandContext } from '../../../../renderer/commands/app-commands';
import { createToolsStore } from '../../../../renderer/commands/tools-state';
import { createWorkspaceController, type WorkspaceController } from '../../../../renderer/app/workspace-controller';
import { WorkspaceProvider } from '../../../../renderer/app/WorkspaceContext';
import { initialWorkspaceState, workspaceReducer } from '../../../../renderer/app/workspace-state';
import { createSyncController } from '../../../../renderer/sync/sync-controller';
import { SyncProvider } from '../../../../renderer/sync/SyncContext';
import { allByRole, click, getByRole, mount, type Mounted } from '../dom';

const repo: RepoSummary = { path: '/tmp/harbour', name: 'harbour', branch: 'main', collections: [] };
const status = (over: Partial<SyncStatus> = {}): SyncStatus => ({
  branch: 'main',
  upstream: 'origin/main',
  ahead: 0,
  behind: 0,
  waitingToPush: 0,
  lastFetchAt: null,
  problem: null,
  ...over,
});

let mounted: Mounted | undefined;
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

function Shortcuts({
  controller,
  sync,
  store,
}: {
  controller: WorkspaceController;
  sync: () => void;
  store: CommandContext['workspace'];
}) {
  const [context] = useState<CommandContext>(() => ({
    controller,
    workspace: store,
    tools: createToolsStore(),
    editor: () => null,
    sync,
    saveSettings: () => undefined,
    focusPane: () => undefined,
    mac: false,
  }));
  const [commands] = useState(() => appCommands(false));
  useGlobalShortcuts(commands, context);
  return null;
}

async function render(syncResult: () => Promise<SyncOutcome>) {
  const invoke = vi.fn(async <K extends RequestName>(name: K, _arg: RequestArg<K>): Promise<RequestResult<K>> => {
    if (name === 'repo:sync') return (await syncResult()) as RequestResult<K>;
    if (name === 'repo:status') return status() as RequestResult<K>;
    if (name === 'posts:list') return { version: '1', posts: [] } as RequestResult<K>;
    throw new Error(`unexpected request ${name}`);
  });
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  const controller = createWorkspaceController(store, { invoke, exportBody: () => null });
  const sync = createSyncController({ workspace: store, controller, invoke, editorRef: { current: null } });
  mounted = await mount(
    <WorkspaceProvider value={{ store, controller, editorRef: { current: null } }}>
      <SyncProvider value={sync}>
        <StatusBar />
        <Shortcuts controller={controller} sync={sync.sync} store={store} />
      </SyncProvider>
    </WorkspaceProvider>,
  );
  const bar = mounted.container.querySelector<HTMLElement>('footer[aria-label="Status bar"]')!;
  const show = async (next: SyncStatus | null) => act(async () => store.dispatch({ type: 'sync', status: next }));
  const syncState = () => (bar.querySelector('.sync-item__state')?.textContent ?? '').trim();
  return { bar, show, syncState, invoke, store };
}

describe('the status bar’s sync item', () => {
  it('says where things stand in words, with Sync one click away whenever there is a remote', async () => {
    const { bar, show, syncState } = await render(async () => ({ status: status(), message: 'Up to date' }));
    expect(syncState()).toBe('Sync status unknown');
    expect(allByRole(bar, 'button', 'Sync')).toHaveLength(0);

    await show(status());
    expect(syncState()).toBe('Up to date');
    expect(bar.textContent).toContain('main');
    expect(getByRole(bar, 'button', 'Sync').getAttribute('aria-keyshortcuts')).toBe('Control+Shift+Y Meta+Shift+Y');

    await show(status({ ahead: 2, waitingToPush: 2 }));
    expect(syncState()).toBe('2 posts waiting to be pushed');
    await show(status({ behind: 3 }));
    expect(syncState()).toBe('3 changes from others');
    expect(bar.querySelector('.sync-item')?.getAttribute('data-tone')).toBe('pending');
    await show(
      status({
        ahead: 1,
        waitingToPush: 1,
        problem: { code: 'git-offline', message: 'The remote could not be reached.' },
      }),
    );
    expect(syncState()).toBe('1 post waiting to be pushed — offline');
    expect(bar.querySelector('.sync-item')?.getAttribute('title')).toBe('The remote could not be reached.');

    await show(status({ upstream: null }));
    expect(syncState()).toBe('Not tracking a remote');
    expect(allByRole(bar, 'button', 'Sync')).toHaveLength(0);
  });

  it('syncs on click without blocking: "Syncing…" while it runs, then the new status and what happened', async () => {
    let finish: (outcome: SyncOutcome) => void = () => undefined;
    const { bar, show, syncState, invoke } = await render(() => new Promise((resolve) => (finish = resolve)));
    await show(status({ behind: 3 }));
    await click(getByRole(bar, 'button', 'Sync'));
    expect(syncState()).toBe('Syncing…');
    expect(getByRole(bar, 'button', 'Sync')).toHaveProperty('disabled', true);
    await act(async () => finish({ status: status(), message: '3 changes from others pulled' }));
    expect(syncState()).toBe('Up to date — 3 changes from others pulled');
    expect(getByRole(bar, 'button', 'Sync')).toHaveProperty('disabled', false);
    expect(invoke.mock.calls.filter(([name]) => name === 'repo:sync')).toHaveLength(1);
  });

  it('says why a Sync failed, and the same button tries again', async () => {
    const results: (() => Promise<SyncOutcome>)[] = [
      async () => {
        throw new AppFailure({
          code: 'git-offline',
          message: 'The remote could not be reached. Check your connection.',
        });
      },
      async () => ({ status: status(), message: 'Pushed 1 post' }),
    ];
    const { bar, show, syncState } = await render(() => results.shift()!());
    await show(status({ ahead: 1, waitingToPush: 1 }));
    await click(getByRole(bar, 'button', 'Sync'));
    expect(syncState()).toBe('Sync failed: The remote could not be reached. Check your connection.');
    expect(bar.querySelector('.sync-item')?.getAttribute('data-tone')).toBe('problem');
    await click(getByRole(bar, 'button', 'Sync'));
    expect(syncState()).toBe('Up to date — Pushed 1 post');
  });

  it('syncs from the keyboard with Ctrl+Shift+Y', async () => {
    const { show, invoke } = await render(async () => ({ status: status(), message: 'Up to date' }));
    await show(status({ behind: 1 }));
    await act(async () => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Y', ctrlKey: true, shiftKey: true, bubbles: true }));
    });
    expect(invoke.mock.calls.filter(([name]) => name === 'repo:sync')).toHaveLength(1);
  });
});
