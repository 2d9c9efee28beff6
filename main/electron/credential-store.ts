/**
 * The desktop app's CredentialStore: each token is encrypted with Electron's safeStorage (the OS
 * keychain: Keychain on macOS, DPAPI on Windows, libsecret or KWallet on Linux) and only the
 * ciphertext is kept, in the settings file. Where no real keychain exists (Linux's `basic_text`
 * fallback encrypts with a fixed key) nothing is written: sign-ins last until Masthead quits.
 */
import { safeStorage } from 'electron';
import type { JsonValue } from '../../shared/api';
import { createMemoryCredentialStore, type CredentialStore, type StoredAccount } from '../credentials/credential-store';
import type { SettingsStore } from '../settings';

/** The settings key holding `{ [host]: { username, token: <base64 ciphertext> } }`. */
export const SIGN_INS_KEY = 'gitSignIns';

type Kept = Record<string, { username: string; token: string }>;

/** The part of safeStorage used here (a seam for tests). */
export type Keychain = Pick<
  typeof safeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

/** Opens the store; call after the app is ready (the keychain is not available before). */
export async function createKeychainCredentialStore(
  settings: SettingsStore,
  keychain: Keychain = safeStorage,
  platform: NodeJS.Platform = process.platform,
): Promise<CredentialStore> {
  if (!(await usable(keychain, platform))) {
    console.warn('Masthead: no system keychain is available, so git sign-ins are kept only until Masthead quits.');
    return createMemoryCredentialStore();
  }

  const read = (): Kept => sanitize(settings.get(SIGN_INS_KEY));
  const write = (kept: Kept): Promise<void> => settings.set(SIGN_INS_KEY, kept as unknown as JsonValue);

  return {
    persistent: true,
    async get(host) {
      const entry = read()[host];
      if (!entry) return null;
      try {
        const { result } = await keychain.decryptStringAsync(Buffer.from(entry.token, 'base64'));
        return { username: entry.username, token: result };
      } catch {
        // Encrypted under another keychain (a restored backup, a new OS account): unusable, so
        // dropped, and the writer is asked again.
        const kept = read();
        delete kept[host];
        await write(kept);
        return null;
      }
    },
    async set(host, credential) {
      const token = (await keychain.encryptStringAsync(credential.token)).toString('base64');
      await write({ ...read(), [host]: { username: credential.username, token } });
    },
    async delete(host) {
      const kept = read();
      if (!(host in kept)) return;
      delete kept[host];
      await write(kept);
    },
    list: async (): Promise<StoredAccount[]> =>
      Object.entries(read()).map(([host, { username }]) => ({ host, username })),
  };
}

async function usable(keychain: Keychain, platform: NodeJS.Platform): Promise<boolean> {
  try {
    if (!(await keychain.isAsyncEncryptionAvailable())) return false;
    // basic_text "encrypts" with a key built into Chromium: as good as plain text on disk.
    return platform !== 'linux' || keychain.getSelectedStorageBackend() !== 'basic_text';
  } catch {
    return false;
  }
}

/** Only well-formed entries of the stored value (it may come from an older version or a hand edit). */
function sanitize(value: JsonValue | undefined): Kept {
  const kept: Kept = Object.create(null) as Kept;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return kept;
  for (const [host, entry] of Object.entries(value)) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) continue;
    const { username, token } = entry as Record<string, JsonValue>;
    if (typeof username === 'string' && typeof token === 'string') kept[host] = { username, token };
  }
  return kept;
}
