import { describe, expect, it } from 'vitest';
import { GitError, scrubSecrets } from '../../../../main/git/errors';

describe('scrubSecrets', () => {
  const token = 'ghp_AdaLovelace0123456789abcdef';

  it('hides URL credentials and every occurrence of a token, also percent-encoded', () => {
    const output = [
      `fatal: unable to access 'https://ada:${token}@github.com/acme/blog.git/': The requested URL returned error: 403`,
      `trace: Authorization: Basic ${token}`,
      `https://ada:${encodeURIComponent('p@ss/word!')}@example.org/x.git`,
    ].join('\n');
    const scrubbed = scrubSecrets(output, [token, 'p@ss/word!']);
    expect(scrubbed).toBe(
      [
        "fatal: unable to access 'https://***@github.com/acme/blog.git/': The requested URL returned error: 403",
        'trace: Authorization: Basic ***',
        'https://***@example.org/x.git',
      ].join('\n'),
    );
  });

  it('leaves text alone when there is nothing secret in it, and ignores secrets too short to be tokens', () => {
    expect(scrubSecrets('To origin\n   1a2b3c..4d5e6f  main -> main', ['abc'])).toBe(
      'To origin\n   1a2b3c..4d5e6f  main -> main',
    );
  });

  it('is applied to a GitError’s detail, stderr and arguments', () => {
    const error = new GitError('git-auth', {
      args: ['fetch', `https://ada:${token}@github.com/acme/blog.git`],
      exitCode: 128,
      stderr: `remote: token ${token} is expired`,
      stdout: '',
      secrets: [token],
    });
    expect(JSON.stringify(error.toJSON())).not.toContain(token);
    expect(error.stderr).toBe('remote: token *** is expired');
    expect(error.args.join(' ')).not.toContain(token);
  });
});
