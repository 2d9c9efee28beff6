// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppFailure } from '../../../../shared/errors';
import type { AppInfo, RepoSummary } from '../../../../shared/api';
import { StartScreen } from '../../../../renderer/app/StartScreen';
import type { Invoke } from '../../../../renderer/app/workspace-controller';
import { allByRole, click, getByRole, mount, typeInto, type Mounted } from '../dom';
import { withAppService } from '../fake-backend';

const info: AppInfo = { version: '0.1.0', shell: 'web', canPickFolder: false, openRepository: null };
const repo: RepoSummary = { path: '/home/ada/blog', name: 'blog', branch: 'main', collections: [] };
const mockedInvoke = vi.fn<Invoke>();
let mounted: Mounted | undefined;

beforeEach(() => {
  mockedInvoke.mockReset();
  mockedInvoke.mockImplementation((async (name: string, arg: unknown) => {
    if (name === 'repo:recent') return [{ path: '/home/ada/blog', name: 'blog', openedAt: '2026-03-01T10:00:00.000Z' }];
    if (name === 'repo:open') {
      if ((arg as { path: string }).path === '/nowhere')
        throw new AppFailure({ code: 'not-a-repository', message: 'This folder is not a Git repository.' });
      return repo;
    }
    throw new Error(`unexpected ${name}`);
  }) as Invoke);
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

describe('StartScreen', () => {
  it('offers recent repositories and the path field, and no picker in web mode', async () => {
    const onOpened = vi.fn();
    mounted = await mount(withAppService(<StartScreen info={info} onOpened={onOpened} />, mockedInvoke));
    const page = mounted.container;
    expect(allByRole(page, 'button', 'Choose folder…')).toHaveLength(0);
    expect(getByRole(page, 'textbox', 'Repository folder')).toBeTruthy();
    await click(getByRole(page, 'button', 'blog, /home/ada/blog'));
    expect(onOpened).toHaveBeenCalledWith(repo);
  });

  it('shows why a folder could not be opened, in plain words', async () => {
    const onOpened = vi.fn();
    mounted = await mount(
      withAppService(<StartScreen info={{ ...info, canPickFolder: true }} onOpened={onOpened} />, mockedInvoke),
    );
    const page = mounted.container;
    expect(getByRole(page, 'button', 'Choose folder…')).toBeTruthy();
    await typeInto(getByRole(page, 'textbox', 'Repository folder'), '/nowhere');
    await click(getByRole(page, 'button', 'Open'));
    expect(getByRole(page, 'alert').textContent).toBe('This folder is not a Git repository.');
    expect(onOpened).not.toHaveBeenCalled();
  });

  it('asks for a path when Open is pressed with none, and sends nothing', async () => {
    const onOpened = vi.fn();
    mounted = await mount(withAppService(<StartScreen info={info} onOpened={onOpened} />, mockedInvoke));
    const page = mounted.container;
    await typeInto(getByRole(page, 'textbox', 'Repository folder'), '   ');
    await click(getByRole(page, 'button', 'Open'));
    expect(getByRole(page, 'alert').textContent).toBe(
      'Type the path of a folder that holds a Git repository, then press Open.',
    );
    expect(getByRole(page, 'textbox', 'Repository folder').getAttribute('aria-invalid')).toBe('true');
    expect(mockedInvoke.mock.calls.map(([name]) => name)).toEqual(['repo:recent']);
  });

  it('opens the folder chosen in the picker, and does nothing when the picker is cancelled or fails', async () => {
    const onOpened = vi.fn();
    const picks: Array<() => Promise<string | null>> = [
      async () => null,
      async () => {
        throw new AppFailure({ code: 'io', message: 'The folder picker could not be shown.' });
      },
      async () => '/home/ada/blog',
    ];
    const base = mockedInvoke.getMockImplementation()!;
    mockedInvoke.mockImplementation((async (name: string, arg: unknown) =>
      name === 'repo:pick' ? picks.shift()!() : base(name as never, arg as never)) as Invoke);
    mounted = await mount(
      withAppService(<StartScreen info={{ ...info, canPickFolder: true }} onOpened={onOpened} />, mockedInvoke),
    );
    const page = mounted.container;
    await click(getByRole(page, 'button', 'Choose folder…'));
    expect(allByRole(page, 'alert')).toHaveLength(0);
    await click(getByRole(page, 'button', 'Choose folder…'));
    expect(getByRole(page, 'alert').textContent).toBe('The folder picker could not be shown.');
    expect(onOpened).not.toHaveBeenCalled();
    await click(getByRole(page, 'button', 'Choose folder…'));
    expect(allByRole(page, 'alert')).toHaveLength(0);
    expect(onOpened).toHaveBeenCalledWith(repo);
    expect(mockedInvoke.mock.calls.filter(([name]) => name === 'repo:open').map(([, arg]) => arg)).toEqual([
      { path: '/home/ada/blog' },
    ]);
  });

  it('still works when the recent list cannot be read', async () => {
    mockedInvoke.mockImplementation((async (name: string) => {
      if (name === 'repo:recent') throw new Error('no settings yet');
      return repo;
    }) as Invoke);
    const onOpened = vi.fn();
    mounted = await mount(withAppService(<StartScreen info={info} onOpened={onOpened} />, mockedInvoke));
    expect(mounted.container.textContent).not.toContain('Recent repositories');
    await typeInto(getByRole(mounted.container, 'textbox', 'Repository folder'), '/home/ada/blog');
    await click(getByRole(mounted.container, 'button', 'Open'));
    expect(onOpened).toHaveBeenCalledWith(repo);
  });
});
