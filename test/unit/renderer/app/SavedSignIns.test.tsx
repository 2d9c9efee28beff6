// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SavedSignIn } from '../../../../shared/api';
import { SavedSignIns } from '../../../../renderer/app/SavedSignIns';
import type { Invoke } from '../../../../renderer/app/workspace-controller';
import { accessibleName, allByRole, click, getByRole, mount, type Mounted } from '../dom';
import { fakeWorkspace, inWorkspace } from '../fake-backend';

const mockedInvoke = vi.fn<Invoke>();

let calls: Array<[string, unknown]>;
let signIns: SavedSignIn[];
let mounted: Mounted | undefined;

let workspace: ReturnType<typeof fakeWorkspace>;

beforeEach(() => {
  workspace = fakeWorkspace(mockedInvoke);
  calls = [];
  signIns = [];
  mockedInvoke.mockImplementation((async (name: string, arg: unknown) => {
    calls.push([name, arg]);
    if (name === 'credentials:list') return signIns;
    if (name === 'credentials:forget') signIns = signIns.filter((item) => item.host !== (arg as { host: string }).host);
    return null;
  }) as Invoke);
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

describe('SavedSignIns', () => {
  it('lists the hosts it can sign in to and forgets one on request', async () => {
    signIns = [
      { host: 'github.com', username: 'ada', remembered: true },
      { host: 'codeberg.org', username: 'ada', remembered: false },
    ];
    mounted = await mount(inWorkspace(<SavedSignIns publishing={false} />, workspace));
    await vi.waitFor(() => expect(allByRole(mounted!.container, 'button')).toHaveLength(2));
    expect(mounted.container.textContent).toContain('ada on github.com (remembered on this computer)');
    expect(mounted.container.textContent).toContain('ada on codeberg.org (until Masthead quits)');

    await click(getByRole(mounted.container, 'button', 'Forget credentials for github.com'));
    await vi.waitFor(() =>
      expect(allByRole(mounted!.container, 'button').map(accessibleName)).toEqual([
        'Forget credentials for codeberg.org',
      ]),
    );
    expect(calls).toContainEqual(['credentials:forget', { host: 'github.com' }]);
  });

  it('shows nothing when no sign-in is kept, and looks again after a publish', async () => {
    mounted = await mount(inWorkspace(<SavedSignIns publishing={false} />, workspace));
    await vi.waitFor(() => expect(calls).toEqual([['credentials:list', null]]));
    expect(mounted.container.textContent).toBe('');
    signIns = [{ host: 'github.com', username: 'ada', remembered: true }];
    await mounted.rerender(inWorkspace(<SavedSignIns publishing={true} />, workspace));
    expect(calls).toHaveLength(1);
    await mounted.rerender(inWorkspace(<SavedSignIns publishing={false} />, workspace));
    await vi.waitFor(() =>
      expect(getByRole(mounted!.container, 'button', 'Forget credentials for github.com')).toBeTruthy(),
    );
  });
});
