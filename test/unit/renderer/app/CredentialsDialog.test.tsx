// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CredentialsNeeded } from '../../../../shared/api';
import { AppFailure } from '../../../../shared/errors';
import { CredentialsDialog } from '../../../../renderer/app/CredentialsDialog';
import { on } from '../../../../renderer/api';
import type { Invoke } from '../../../../renderer/app/workspace-controller';
import { accessibleName, allByRole, click, getByRole, mount, typeInto, type Mounted } from '../dom';
import { withAppService } from '../fake-backend';

vi.mock('../../../../renderer/api', () => ({ on: vi.fn() }));

const TOKEN = 'ghp_AdaLovelace0123456789abcdef';
const mockedInvoke = vi.fn<Invoke>();
const listeners = new Map<string, (payload: unknown) => void>();
let calls: Array<[string, unknown]>;
let mounted: Mounted | undefined;

beforeEach(() => {
  calls = [];
  listeners.clear();
  vi.mocked(on).mockImplementation(((name: string, listener: (payload: unknown) => void) => {
    listeners.set(name, listener);
    return () => listeners.delete(name);
  }) as typeof on);
  mockedInvoke.mockReset();
  mockedInvoke.mockImplementation((async (name: string, arg: unknown) => {
    calls.push([name, arg]);
    return null;
  }) as Invoke);
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

async function ask(question: CredentialsNeeded): Promise<HTMLDialogElement> {
  await act(async () => listeners.get('credentials:needed')!(question));
  return document.querySelector('dialog')!;
}

function tokenField(scope: ParentNode): HTMLInputElement {
  return scope.querySelector<HTMLInputElement>('input[type="password"]')!;
}

describe('CredentialsDialog', () => {
  it('asks for a username and token for the host, sends them once and forgets the token', async () => {
    mounted = await mount(withAppService(<CredentialsDialog />, mockedInvoke));
    expect(document.querySelector('dialog')).toBeNull();
    const dialog = await ask({ requestId: 'r1', host: 'github.com', canRemember: true });

    expect(accessibleName(dialog)).toBe('Sign in to github.com');
    expect(accessibleName(tokenField(dialog))).toBe('Access token');
    const remember = getByRole(dialog, 'checkbox') as HTMLInputElement;
    expect(remember.closest('label')!.textContent).toBe('Remember on this computer');
    expect(remember.checked).toBe(true);
    expect((getByRole(dialog, 'button', 'Sign in') as HTMLButtonElement).disabled).toBe(true);

    await typeInto(getByRole(dialog, 'textbox', 'Username'), 'ada');
    await typeInto(tokenField(dialog), TOKEN);
    await click(remember);
    await click(getByRole(dialog, 'button', 'Sign in'));

    expect(calls).toEqual([
      ['credentials:provide', { requestId: 'r1', username: 'ada', token: TOKEN, remember: false }],
    ]);
    expect(document.querySelector('dialog')).toBeNull();
    expect(document.body.innerHTML).not.toContain(TOKEN);
  });

  it('fills in the username the remote URL names, and says a sign-in lasts until quitting where it cannot be remembered', async () => {
    mounted = await mount(withAppService(<CredentialsDialog />, mockedInvoke));
    const dialog = await ask({ requestId: 'r2', host: 'gitlab.example.org', username: 'ada', canRemember: false });
    expect((getByRole(dialog, 'textbox', 'Username') as HTMLInputElement).value).toBe('ada');
    expect(allByRole(dialog, 'checkbox')).toHaveLength(0);
    expect(dialog.textContent).toContain('Masthead keeps this sign-in until it quits.');
    await typeInto(tokenField(dialog), TOKEN);
    await click(getByRole(dialog, 'button', 'Sign in'));
    expect(calls).toEqual([
      ['credentials:provide', { requestId: 'r2', username: 'ada', token: TOKEN, remember: false }],
    ]);
  });

  it('tells the back end when the writer cancels, and shows the next question', async () => {
    mounted = await mount(withAppService(<CredentialsDialog />, mockedInvoke));
    await ask({ requestId: 'r3', host: 'github.com', canRemember: true });
    const second = await ask({ requestId: 'r4', host: 'codeberg.org', canRemember: true });
    expect(accessibleName(second)).toBe('Sign in to github.com');
    await click(getByRole(document.body, 'button', 'Cancel'));
    expect(calls).toEqual([['credentials:cancel', { requestId: 'r3' }]]);
    expect(accessibleName(document.querySelector('dialog')!)).toBe('Sign in to codeberg.org');
  });

  it('says why when the back end no longer waits for the answer', async () => {
    mockedInvoke.mockImplementation(async () => {
      throw new AppFailure({
        code: 'not-found',
        message: 'This sign-in request is no longer open. Try again to be asked once more.',
      });
    });
    mounted = await mount(withAppService(<CredentialsDialog />, mockedInvoke));
    const dialog = await ask({ requestId: 'r5', host: 'github.com', canRemember: true });
    await typeInto(getByRole(dialog, 'textbox', 'Username'), 'ada');
    await typeInto(tokenField(dialog), TOKEN);
    await click(getByRole(dialog, 'button', 'Sign in'));
    await vi.waitFor(() =>
      expect(getByRole(dialog, 'alert').textContent).toBe(
        'This sign-in request is no longer open. Try again to be asked once more.',
      ),
    );
    expect(tokenField(dialog).value).toBe('');
  });
});
