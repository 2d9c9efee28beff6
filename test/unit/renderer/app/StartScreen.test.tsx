// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppFailure } from '../../../../shared/errors';
import type { AppInfo, RepoSummary } from '../../../../shared/api';
import { StartScreen } from '../../../../renderer/app/StartScreen';
import { invoke } from '../../../../renderer/api';
import { allByRole, click, getByRole, mount, typeInto, type Mounted } from '../dom';

vi.mock('../../../../renderer/api', () => ({ invoke: vi.fn(), on: vi.fn(() => () => undefined) }));

const info: AppInfo = { version: '0.1.0', shell: 'web', canPickFolder: false, openRepository: null };
const repo: RepoSummary = { path: '/home/ada/blog', name: 'blog', branch: 'main', collections: [] };
const mockedInvoke = vi.mocked(invoke);
let mounted: Mounted | undefined;

beforeEach(() => {
  mockedInvoke.mockReset();
  mockedInvoke.mockImplementation((async (name: string, arg: unknown) => {
    if (name === 'repo:recent') return [{ path: '/home/ada/blog', name: 'blog', openedAt: '2026-03-01T10:00:00.000Z' }];
    if (name === 'repo:open') {
      if ((arg as { path: string }).path === '/nowhere') throw new AppFailure({ code: 'not-a-repository', message: 'This folder is not a Git repository.' });
      return repo;
    }
    throw new Error(`unexpected ${name}`);
  }) as typeof invoke);
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

describe('StartScreen', () => {
  it('offers recent repositories and the path field, and no picker in web mode', async () => {
    const onOpened = vi.fn();
    mounted = await mount(<StartScreen info={info} onOpened={onOpened} />);
    const page = mounted.container;
    expect(allByRole(page, 'button', 'Choose folder…')).toHaveLength(0);
    expect(getByRole(page, 'textbox', 'Repository folder')).toBeTruthy();
    await click(getByRole(page, 'button', 'blog, /home/ada/blog'));
    expect(onOpened).toHaveBeenCalledWith(repo);
  });

  it('shows why a folder could not be opened, in plain words', async () => {
    const onOpened = vi.fn();
    mounted = await mount(<StartScreen info={{ ...info, canPickFolder: true }} onOpened={onOpened} />);
    const page = mounted.container;
    expect(getByRole(page, 'button', 'Choose folder…')).toBeTruthy();
    await typeInto(getByRole(page, 'textbox', 'Repository folder'), '/nowhere');
    await click(getByRole(page, 'button', 'Open'));
    await vi.waitFor(() => expect(getByRole(page, 'alert').textContent).toBe('This folder is not a Git repository.'));
    expect(onOpened).not.toHaveBeenCalled();
  });
});
