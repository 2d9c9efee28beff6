import { describe, expect, it } from 'vitest';
import { parseGitPrompt } from '../../../../main/credentials/git-prompt';

describe('parseGitPrompt', () => {
  it('reads the username and password prompts git writes for HTTPS remotes', () => {
    expect(parseGitPrompt("Username for 'https://github.com': ")).toEqual({ kind: 'username', host: 'github.com' });
    expect(parseGitPrompt("Password for 'https://ada@github.com': ")).toEqual({
      kind: 'password',
      host: 'github.com',
      username: 'ada',
    });
  });

  it('keeps the port, lower-cases the host and decodes an encoded username', () => {
    expect(parseGitPrompt("Username for 'http://127.0.0.1:8417': ")).toEqual({
      kind: 'username',
      host: '127.0.0.1:8417',
    });
    expect(parseGitPrompt("Password for 'https://ada%40example.org@GitLab.Example.org': ")).toEqual({
      kind: 'password',
      host: 'gitlab.example.org',
      username: 'ada@example.org',
    });
  });

  it('refuses anything else: ssh passphrases, host-key questions, garbage', () => {
    expect(parseGitPrompt("Enter passphrase for key '/home/ada/.ssh/id_ed25519': ")).toBeNull();
    expect(parseGitPrompt('Are you sure you want to continue connecting (yes/no/[fingerprint])? ')).toBeNull();
    expect(parseGitPrompt("Username for 'not a url': ")).toBeNull();
    expect(parseGitPrompt('')).toBeNull();
  });
});
