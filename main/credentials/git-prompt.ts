/**
 * What git asks its askpass helper: `Username for 'https://github.com': ` or
 * `Password for 'https://ada@github.com': `. Pure, so it is tested on strings.
 */

/** One parsed prompt. */
export interface GitPrompt {
  kind: 'username' | 'password';
  /** The host with its port when it has one, lower-cased: `github.com`, `127.0.0.1:8080`. */
  host: string;
  /** The username already in the URL (git asks only for the password then). */
  username?: string;
}

/** Reads a git credential prompt; null for anything else (an ssh passphrase, a host-key question). */
export function parseGitPrompt(prompt: string): GitPrompt | null {
  const match = /^(Username|Password) for '([^']+)':$/.exec(prompt.trim());
  if (!match) return null;
  let url: URL;
  try {
    url = new URL(match[2]!);
  } catch {
    return null;
  }
  if (url.host === '') return null;
  const kind = match[1] === 'Username' ? 'username' : 'password';
  const username = url.username === '' ? undefined : safeDecode(url.username);
  return username === undefined
    ? { kind, host: url.host.toLowerCase() }
    : { kind, host: url.host.toLowerCase(), username };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
