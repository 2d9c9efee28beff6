/**
 * The credential broker: answers git's askpass prompts for remote runs. It answers from what it
 * already knows (this session's sign-ins, then the CredentialStore), else asks the writer through a
 * 'credentials:needed' event and waits — bounded — for 'credentials:provide' or 'credentials:cancel'.
 * A sign-in is kept in memory once git has used it without an auth failure, and written to the store
 * only when the writer asked to remember it and git accepted it. Tokens are never logged.
 */
import { randomUUID } from 'node:crypto';
import type { CredentialsAnswer, EmitEvent, SavedSignIn } from '../../shared/api';
import { fail } from '../../shared/errors';
import type { RemoteAuth, RemoteAuthRun } from '../git/core';
import { askPassProgram, defaultAskPassDir, openAskPassChannel } from './askpass-channel';
import type { CredentialStore } from './credential-store';
import { parseGitPrompt } from './git-prompt';

/** How long a git run waits for the writer to sign in before it fails with `git-auth`. */
const DEFAULT_ANSWER_TIMEOUT_MS = 180_000;
/** The helper waits this much longer than the broker, so the broker's "no answer" normally arrives first. */
const HELPER_GRACE_MS = 15_000;
/** Unanswered questions remembered for a late answer (the writer typed after git had given up). */
const MAX_LATE_QUESTIONS = 20;

/** What builds a broker. */
export interface CredentialBrokerOptions {
  store: CredentialStore;
  emit: EmitEvent;
  /** Default DEFAULT_ANSWER_TIMEOUT_MS. */
  answerTimeoutMs?: number;
  /** The folder holding the askpass helper (default: the app's `resources/askpass`). */
  askPassDir?: string;
}

/** The broker: lends credentials to git (RemoteAuth) and serves the credentials requests. */
export interface CredentialBroker extends RemoteAuth {
  provide(answer: CredentialsAnswer): Promise<void>;
  cancel(requestId: string): void;
  forget(host: string): Promise<void>;
  list(): Promise<SavedSignIn[]>;
}

/** A sign-in as the broker holds it. */
interface Entry {
  username: string;
  token: string;
  remember: boolean;
  /** Already in the store (came from it, or was written to it). */
  stored: boolean;
}

type Refusal = 'cancelled' | 'timed-out';

interface Question {
  host: string;
  settle(answer: Entry | Refusal): void;
}

/** Builds the broker. */
export function createCredentialBroker(options: CredentialBrokerOptions): CredentialBroker {
  const answerTimeoutMs = options.answerTimeoutMs ?? DEFAULT_ANSWER_TIMEOUT_MS;
  const askPassDir = options.askPassDir ?? defaultAskPassDir();
  const { store } = options;
  // Sign-ins of this session, by host: used without asking until Masthead quits.
  const session = new Map<string, Entry>();
  const open = new Map<string, Question>();
  // One question per host at a time: a background fetch and a publish share the writer's answer.
  const asking = new Map<string, Promise<Entry | Refusal>>();
  const late = new Map<string, string>();

  const fromStore = async (host: string): Promise<Entry | null> => {
    try {
      const found = await store.get(host);
      return found ? { ...found, remember: true, stored: true } : null;
    } catch (error) {
      // The keychain may be locked or unavailable: asking the writer still works.
      console.warn(
        `Masthead: could not read the saved sign-in for ${host}.`,
        error instanceof Error ? error.message : '',
      );
      return null;
    }
  };

  const askWriter = (host: string, username: string | undefined): Promise<Entry | Refusal> => {
    const pending = asking.get(host);
    if (pending) return pending;
    const requestId = randomUUID();
    const asked = new Promise<Entry | Refusal>((resolve) => {
      const timer = setTimeout(() => settle('timed-out'), answerTimeoutMs);
      const settle = (answer: Entry | Refusal): void => {
        clearTimeout(timer);
        open.delete(requestId);
        asking.delete(host);
        if (answer === 'timed-out') {
          late.set(requestId, host);
          if (late.size > MAX_LATE_QUESTIONS) late.delete(late.keys().next().value as string);
        }
        resolve(answer);
      };
      open.set(requestId, { host, settle });
    });
    asking.set(host, asked);
    options.emit('credentials:needed', {
      requestId,
      host,
      ...(username === undefined ? {} : { username }),
      canRemember: store.persistent,
    });
    return asked;
  };

  const keep = async (host: string, entry: Entry): Promise<void> => {
    session.set(host, entry);
    if (!entry.remember || entry.stored) return;
    try {
      await store.set(host, { username: entry.username, token: entry.token });
      entry.stored = true;
    } catch (error) {
      console.warn(
        `Masthead: could not keep the sign-in for ${host} on this computer; it lasts until Masthead quits.`,
        error instanceof Error ? error.message : '',
      );
    }
  };

  const drop = async (host: string, entry: Entry): Promise<void> => {
    if (session.get(host)?.token === entry.token) session.delete(host);
    if (!entry.stored) return;
    const saved = await store.get(host).catch(() => null);
    if (saved?.token === entry.token) await store.delete(host).catch(() => undefined);
  };

  const begin = async (): Promise<RemoteAuthRun> => {
    const used = new Map<string, Entry>();
    const refused = new Map<string, Refusal>();
    let waiting = 0;

    const answer = async (prompt: string): Promise<string | null> => {
      const asked = parseGitPrompt(prompt);
      if (asked === null) return null;
      const { host } = asked;
      // Cancelled once in this run: git asks for the password next, and must not ask the writer twice.
      if (refused.has(host)) return null;
      let entry = used.get(host) ?? session.get(host) ?? (await fromStore(host));
      if (entry && asked.username !== undefined && entry.username !== asked.username) entry = null;
      if (!entry) {
        waiting += 1;
        let reply: Entry | Refusal;
        try {
          reply = await askWriter(host, asked.username);
        } finally {
          waiting -= 1;
        }
        if (typeof reply === 'string') {
          refused.set(host, reply);
          return null;
        }
        entry = reply;
        // Other runs under way (a background fetch beside a publish) use the answer too, rather
        // than ask again; it leaves the session if git refuses it.
        session.set(host, entry);
      }
      used.set(host, entry);
      return asked.kind === 'username' ? entry.username : entry.token;
    };

    const channel = await openAskPassChannel(
      await askPassProgram(askPassDir),
      answer,
      answerTimeoutMs + HELPER_GRACE_MS,
    );
    return {
      env: channel.env,
      waitingForWriter: () => waiting > 0,
      secrets: () => [...new Set([...used.values(), ...session.values()].map((entry) => entry.token))],
      authMessage() {
        const [host, refusal] = [...refused][0] ?? [];
        if (host !== undefined && refusal === 'cancelled') {
          return `Signing in to ${host} was cancelled, so git could not reach the repository. Try again and enter your username and an access token when asked.`;
        }
        if (host !== undefined) {
          return `Nobody answered the sign-in to ${host} in time, so git stopped waiting. Try again and enter your username and an access token when asked.`;
        }
        const [usedHost] = [...used.keys()];
        if (usedHost !== undefined) {
          return `${usedHost} did not accept the username and token. The token may be mistyped, expired or without access to this repository: try again and sign in with a valid token.`;
        }
        return null;
      },
      async end(outcome) {
        await channel.close();
        for (const [host, entry] of used) {
          if (outcome === 'auth-failed') await drop(host, entry);
          // A run that failed for another reason (offline) did not prove the token wrong: keep it
          // for this session, but write it to the store only once git has accepted it.
          else if (outcome === 'ok') await keep(host, entry);
          else session.set(host, entry);
        }
      },
    };
  };

  return {
    begin,

    async provide(reply) {
      const entry: Entry = { username: reply.username, token: reply.token, remember: reply.remember, stored: false };
      const question = open.get(reply.requestId);
      if (question) {
        question.settle(entry);
        return;
      }
      const host = late.get(reply.requestId);
      if (host === undefined)
        throw fail('not-found', 'This sign-in request is no longer open. Try again to be asked once more.');
      // Git gave up waiting before the writer answered: keep the answer for the next try.
      late.delete(reply.requestId);
      session.set(host, entry);
    },

    cancel(requestId) {
      open.get(requestId)?.settle('cancelled');
      late.delete(requestId);
    },

    async forget(host) {
      const key = host.toLowerCase();
      session.delete(key);
      await store.delete(key);
    },

    async list() {
      const saved = await store.list().catch(() => []);
      const result = new Map<string, SavedSignIn>();
      for (const { host, username } of saved) result.set(host, { host, username, remembered: store.persistent });
      for (const [host, entry] of session)
        if (!result.has(host))
          result.set(host, { host, username: entry.username, remembered: entry.stored && store.persistent });
      return [...result.values()].sort((a, b) => a.host.localeCompare(b.host));
    },
  };
}
