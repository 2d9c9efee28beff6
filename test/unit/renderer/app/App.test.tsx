// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { AppInfo, RepoSummary } from '../../../../shared/api';
import type { Invoke } from '../../../../renderer/app/workspace-controller';
import { App } from '../../../../renderer/app/App';
import { click, getByRole, mount, type Mounted } from '../dom';
import { withAppService } from '../fake-backend';

// The workspace has its own tests; here it only needs to show which repository it was given and to close.
vi.mock('../../../../renderer/app/Workspace', () => ({
  Workspace: ({ repo, onClose }: { repo: RepoSummary; onClose: () => void }) => (
    <main aria-label={`Workspace ${repo.name}`}>
      <button type="button" onClick={onClose}>
        Close repository
      </button>
    </main>
  ),
}));

const repo: RepoSummary = { path: '/home/ada/quilts', name: 'quilts', branch: 'main', collections: [] };
const info: AppInfo = { version: '0.1.0', shell: 'web', canPickFolder: false, openRepository: null };
const mockedInvoke = vi.fn<Invoke>();
let answer: () => Promise<AppInfo>;
let mounted: Mounted | undefined;

beforeEach(() => {
  mockedInvoke.mockReset();
  mockedInvoke.mockImplementation((async (name: string) => {
    if (name === 'app:info') return answer();
    if (name === 'repo:recent') return [{ path: repo.path, name: repo.name, openedAt: '2026-02-02T10:00:00.000Z' }];
    if (name === 'repo:open') return repo;
    throw new Error(`unexpected request ${name}`);
  }) as Invoke);
});
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

describe('App', () => {
  it('says it is starting until the back end answers', async () => {
    answer = () => new Promise(() => undefined);
    mounted = await mount(withAppService(<App />, mockedInvoke));
    expect(getByRole(mounted.container, 'status').textContent).toBe('Starting Masthead…');
  });

  it('says the back end cannot be reached, and what to do', async () => {
    answer = async () => {
      throw new Error('connection refused');
    };
    mounted = await mount(withAppService(<App />, mockedInvoke));
    expect(getByRole(mounted.container, 'alert').textContent).toBe(
      'Masthead could not reach its back end: connection refusedClose this window and start Masthead again.',
    );
  });

  it('goes from the start screen to the repository chosen, and back when it is closed', async () => {
    answer = async () => info;
    mounted = await mount(withAppService(<App />, mockedInvoke));
    await act(async () => undefined);
    await click(getByRole(mounted.container, 'button', 'quilts, /home/ada/quilts'));
    const workspace = getByRole(mounted.container, 'main', 'Workspace quilts');
    await click(getByRole(workspace, 'button', 'Close repository'));
    expect(getByRole(mounted.container, 'button', 'quilts, /home/ada/quilts')).toBeTruthy();
  });

  it('opens straight into the repository the back end already has open', async () => {
    answer = async () => ({ ...info, openRepository: repo });
    mounted = await mount(withAppService(<App />, mockedInvoke));
    expect(getByRole(mounted.container, 'main', 'Workspace quilts')).toBeTruthy();
  });
});
