/**
 * Where sign-ins to git hosts are kept between git runs. The back end only sees this interface:
 * the desktop shell encrypts tokens with the OS keychain (main/electron/credential-store.ts), web
 * mode and the CLI keep them in memory until the process ends.
 */

/** A username and access token for one host (`github.com`, `127.0.0.1:8080`). */
export interface StoredCredential {
  username: string;
  token: string;
}

/** A stored sign-in without its token: what listing the store reveals. */
export interface StoredAccount {
  host: string;
  username: string;
}

/** Keeps credentials per host. Implementations never log or return tokens anywhere but `get`. */
export interface CredentialStore {
  /** True when credentials outlive the process (written to disk, encrypted). */
  readonly persistent: boolean;
  get(host: string): Promise<StoredCredential | null>;
  set(host: string, credential: StoredCredential): Promise<void>;
  delete(host: string): Promise<void>;
  /** The hosts with a credential, and the username for each. */
  list(): Promise<StoredAccount[]>;
}

/** A store that forgets everything when the process ends (web mode, CLI, tests). */
export function createMemoryCredentialStore(): CredentialStore {
  const data = new Map<string, StoredCredential>();
  return {
    persistent: false,
    get: async (host) => {
      const found = data.get(host);
      return found ? { ...found } : null;
    },
    set: async (host, credential) => {
      data.set(host, { username: credential.username, token: credential.token });
    },
    delete: async (host) => {
      data.delete(host);
    },
    list: async () => [...data].map(([host, { username }]) => ({ host, username })),
  };
}
