import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { JsonValue, RecentRepo } from '../../../../shared/api';
import type { SettingsStore } from '../../../../main/settings';

vi.mock('electron', () => import('./electron-stub'));

const { safeStorage } = await import('./electron-stub');
const { createKeychainCredentialStore, SIGN_INS_KEY } = await import('../../../../main/electron/credential-store');

const TOKEN = 'ghp_AdaLovelace0123456789abcdef';

/** Settings in memory, with the bytes each key would be written as. */
function memorySettings(): SettingsStore & { written(): string } {
  const data = new Map<string, JsonValue>();
  return {
    getRecent: (): RecentRepo[] => [],
    addRecent: async () => undefined,
    get: (key) => (data.has(key) ? structuredClone(data.get(key)) : undefined),
    set: async (key, value) => {
      data.set(key, structuredClone(value));
    },
    written: () => JSON.stringify(Object.fromEntries(data)),
  };
}

beforeEach(() => {
  vi.clearAllMocks();
  safeStorage.isAsyncEncryptionAvailable.mockImplementation(async () => true);
  safeStorage.getSelectedStorageBackend.mockImplementation(() => 'gnome_libsecret');
});

describe('createKeychainCredentialStore', () => {
  it('keeps only the keychain’s ciphertext in the settings, and gives the token back', async () => {
    const settings = memorySettings();
    const store = await createKeychainCredentialStore(settings, safeStorage, 'linux');
    await store.set('github.com', { username: 'ada', token: TOKEN });

    expect(store.persistent).toBe(true);
    expect(settings.written()).not.toContain(TOKEN);
    expect(settings.get(SIGN_INS_KEY)).toEqual({ 'github.com': { username: 'ada', token: expect.any(String) } });
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledWith(TOKEN);
    expect(await store.get('github.com')).toEqual({ username: 'ada', token: TOKEN });
    expect(await store.list()).toEqual([{ host: 'github.com', username: 'ada' }]);

    // A new session (the app restarted) reads it from the same settings.
    const again = await createKeychainCredentialStore(settings, safeStorage, 'linux');
    expect(await again.get('github.com')).toEqual({ username: 'ada', token: TOKEN });
  });

  it('forgets a host', async () => {
    const settings = memorySettings();
    const store = await createKeychainCredentialStore(settings, safeStorage, 'darwin');
    await store.set('github.com', { username: 'ada', token: TOKEN });
    await store.set('gitlab.com', { username: 'ada', token: 'glpat-other-token' });
    await store.delete('github.com');
    expect(await store.get('github.com')).toBeNull();
    expect(await store.list()).toEqual([{ host: 'gitlab.com', username: 'ada' }]);
  });

  it('drops an entry the keychain can no longer decrypt, so the writer is asked again', async () => {
    const settings = memorySettings();
    await settings.set(SIGN_INS_KEY, {
      'github.com': { username: 'ada', token: Buffer.from('from another machine').toString('base64') },
    });
    const store = await createKeychainCredentialStore(settings, safeStorage, 'win32');
    expect(await store.get('github.com')).toBeNull();
    expect(settings.get(SIGN_INS_KEY)).toEqual({});
  });

  it('writes nothing to disk where the keychain is Linux’s plain-text fallback or missing', async () => {
    for (const setup of [
      () => safeStorage.getSelectedStorageBackend.mockImplementation(() => 'basic_text'),
      () => safeStorage.isAsyncEncryptionAvailable.mockImplementation(async () => false),
    ]) {
      setup();
      const settings = memorySettings();
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const store = await createKeychainCredentialStore(settings, safeStorage, 'linux');
      warn.mockRestore();
      await store.set('github.com', { username: 'ada', token: TOKEN });
      expect(store.persistent).toBe(false);
      expect(settings.written()).toBe('{}');
      expect(await store.get('github.com')).toEqual({ username: 'ada', token: TOKEN });
    }
  });

  it('ignores malformed stored entries', async () => {
    const settings = memorySettings();
    await settings.set(SIGN_INS_KEY, {
      'github.com': 'oops',
      'gitlab.com': { username: 7 },
      'codeberg.org': { username: 'ada', token: 'x' },
    } as JsonValue);
    const store = await createKeychainCredentialStore(settings, safeStorage, 'darwin');
    expect(await store.list()).toEqual([{ host: 'codeberg.org', username: 'ada' }]);
  });
});
