/**
 * A fake back end for renderer tests: an `invoke` that records each request and answers from a
 * handler, and the providers that hand it to components the way the app does (the app service at
 * the root, a workspace controller below it).
 */
import type { ReactNode } from 'react';
import { vi, type Mock } from 'vitest';
import type { RepoSummary, RequestArg, RequestName, RequestResult } from '../../../shared/api';
import { createAppService } from '../../../renderer/app/app-service';
import { AppServiceProvider } from '../../../renderer/app/AppServiceContext';
import { createStore } from '../../../renderer/app/store';
import { createWorkspaceController, type Invoke } from '../../../renderer/app/workspace-controller';
import { WorkspaceProvider, type WorkspaceContextValue } from '../../../renderer/app/WorkspaceContext';
import { initialWorkspaceState, workspaceReducer } from '../../../renderer/app/workspace-state';

/** A recording fake of `invoke`. */
export type FakeInvoke = Mock<Invoke> & Invoke;

/** A fake `invoke` answering with `answer` (which may throw, like the back end). */
export function fakeInvoke(answer: (name: string, arg: unknown) => unknown = () => null): FakeInvoke {
  return vi.fn(async (name: string, arg: unknown) => answer(name, arg)) as unknown as FakeInvoke;
}

/** Answers per request name; a request with no answer fails the test's expectations (it throws). */
export type Handlers = {
  [K in RequestName]?: (arg: RequestArg<K>) => RequestResult<K> | Promise<RequestResult<K>>;
};

/** A fake back end: `invoke` answers from `handlers` and records every request in `calls`. */
export function fakeBackend(handlers: Handlers): {
  invoke: Invoke;
  calls: Array<{ name: RequestName; arg: unknown }>;
  names: () => RequestName[];
} {
  const calls: Array<{ name: RequestName; arg: unknown }> = [];
  const invoke = async <K extends RequestName>(name: K, arg: RequestArg<K>): Promise<RequestResult<K>> => {
    calls.push({ name, arg });
    const handler = handlers[name] as
      ((arg: RequestArg<K>) => RequestResult<K> | Promise<RequestResult<K>>) | undefined;
    if (!handler) throw new Error(`unexpected request ${name}`);
    return handler(arg);
  };
  return { invoke, calls, names: () => calls.map((call) => call.name) };
}

/** `node` under the app service, talking to `invoke`. */
export function withAppService(node: ReactNode, invoke: Invoke): ReactNode {
  return <AppServiceProvider value={createAppService(invoke)}>{node}</AppServiceProvider>;
}

const repo: RepoSummary = { path: '/home/ada/lighthouse', name: 'lighthouse', branch: 'main', collections: [] };

/** A workspace (store, real controller, no editor) over `invoke`. */
export function fakeWorkspace(invoke: Invoke, summary: RepoSummary = repo): WorkspaceContextValue {
  const store = createStore(workspaceReducer, initialWorkspaceState(summary));
  const controller = createWorkspaceController(store, {
    invoke,
    exportBody: () => null,
    journal: { whenIdle: (callback) => callback() },
  });
  return { store, controller, editorRef: { current: null } };
}

/** `node` inside `workspace`. */
export function inWorkspace(node: ReactNode, workspace: WorkspaceContextValue): ReactNode {
  return <WorkspaceProvider value={workspace}>{node}</WorkspaceProvider>;
}
