import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/errors';
import {
  classifyGitError,
  GitError,
  gitCauseMessage,
  gitErrorMessage,
  redactCredentials,
} from '../../../../main/git/errors';
import type { GitErrorCode } from '../../../../main/git/errors';

// Real git 2.39 output (plus common hosts' wording) for each failure the classifier must recognise.
const SAMPLES: ReadonlyArray<readonly [GitErrorCode, string]> = [
  [
    'git-no-upstream',
    'fatal: The current branch main has no upstream branch.\nTo push the current branch and set the remote as upstream, use\n\n    git push --set-upstream origin main\n',
  ],
  ['git-no-upstream', "fatal: no upstream configured for branch 'main'\n"],
  [
    'git-no-upstream',
    'There is no tracking information for the current branch.\nPlease specify which branch you want to merge with.',
  ],
  [
    'git-rejected',
    "To /tmp/remote.git\n ! [rejected]        main -> main (fetch first)\nerror: failed to push some refs to '/tmp/remote.git'\nhint: Updates were rejected because the remote contains work that you do\n",
  ],
  [
    'git-rejected',
    " ! [rejected]        main -> main (non-fast-forward)\nerror: failed to push some refs to 'origin'\n",
  ],
  ['git-rejected', 'hint: Updates were rejected because the tip of your current branch is behind\n'],
  ['git-auth', "fatal: Authentication failed for 'https://github.com/acme/blog.git/'\n"],
  [
    'git-auth',
    "fatal: unable to access 'https://gitlab.example/acme/blog.git/': The requested URL returned error: 403\n",
  ],
  [
    'git-auth',
    "remote: HTTP Basic: Access denied\nfatal: Authentication failed for 'https://gitlab.com/acme/blog.git/'\n",
  ],
  [
    'git-auth',
    'git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\n',
  ],
  ['git-auth', "fatal: could not read Username for 'https://github.com': terminal prompts disabled\n"],
  ['git-auth', "fatal: could not read Password for 'https://writer@github.com': terminal prompts disabled\n"],
  ['git-auth', 'Host key verification failed.\nfatal: Could not read from remote repository.\n'],
  [
    'git-auth',
    "remote: Permission to acme/blog.git denied to writer.\nfatal: unable to access 'https://github.com/acme/blog.git/': The requested URL returned error: 403\n",
  ],
  ['git-offline', "fatal: unable to access 'https://github.com/acme/blog.git/': Could not resolve host: github.com\n"],
  [
    'git-offline',
    "fatal: unable to access 'http://127.0.0.1:9/x.git/': Failed to connect to 127.0.0.1 port 9 after 0 ms: Couldn't connect to server\n",
  ],
  [
    'git-offline',
    'ssh: connect to host github.com port 22: Connection refused\nfatal: Could not read from remote repository.\n',
  ],
  [
    'git-offline',
    'ssh: Could not resolve hostname github.com: Temporary failure in name resolution\nfatal: Could not read from remote repository.\n',
  ],
  [
    'git-offline',
    "fatal: unable to access 'https://github.com/acme/blog.git/': Failed to connect to github.com port 443 after 21035 ms: Connection timed out\n",
  ],
  ['git-offline', 'ssh: connect to host github.com port 22: Operation timed out\n'],
  [
    'git-no-identity',
    '\n*** Please tell me who you are.\n\nRun\n\n  git config --global user.email "you@example.com"\n',
  ],
  ['git-no-identity', 'fatal: empty ident name (for <writer@example.test>) not allowed\n'],
  ['git-no-identity', 'fatal: no email was given and auto-detection is disabled\n'],
  ['git-no-identity', "fatal: unable to auto-detect email address (got 'root@box.(none)')\n"],
  [
    'git-nothing-to-commit',
    "On branch main\nYour branch is up to date with 'origin/main'.\n\nnothing to commit, working tree clean\n",
  ],
  [
    'git-nothing-to-commit',
    'On branch main\nChanges not staged for commit:\n\tmodified:   a.md\n\nno changes added to commit (use "git add" and/or "git commit -a")\n',
  ],
  [
    'git-detached-head',
    'fatal: You are not currently on a branch.\nTo push the history leading to the current (detached HEAD)\nstate now, use\n\n    git push origin HEAD:<name-of-remote-branch>\n',
  ],
  ['git-failed', "fatal: pathspec 'nope.md' did not match any files\n"],
  [
    'git-hook',
    " ! [remote rejected] main -> main (pre-receive hook declined)\nerror: failed to push some refs to 'origin'\n",
  ],
  [
    'git-locked',
    "fatal: Unable to create '/home/w/blog/.git/index.lock': File exists.\n\nAnother git process seems to be running in this repository, e.g.\nan editor opened by 'git commit'.\n",
  ],
  [
    'git-merge-conflict',
    'Auto-merging content/posts/hello.md\nCONFLICT (content): Merge conflict in content/posts/hello.md\nerror: could not apply 3f2a1b9... Publish: Hello\nhint: Resolve all conflicts manually, mark them as resolved with\n',
  ],
  [
    'git-in-progress',
    'fatal: You have not concluded your merge (MERGE_HEAD exists).\nPlease, commit your changes before you merge.\n',
  ],
  [
    'git-in-progress',
    'fatal: It seems that there is already a rebase-merge directory, and\nI wonder if you are in the middle of another rebase.\n',
  ],
  [
    'git-in-progress',
    "error: Committing is not possible because you have unmerged files.\nhint: Fix them up in the work tree, and then use 'git add/rm <file>'\nfatal: Exiting because of an unresolved conflict.\n",
  ],
  ['git-failed', ''],
];

describe('classifyGitError', () => {
  it.each(SAMPLES)('classifies as %s: %j', (code, output) => {
    expect(classifyGitError(output)).toBe(code);
  });

  it('does not mistake a commit on a detached HEAD for a detached-head failure', () => {
    expect(classifyGitError('HEAD detached at 1a2b3c4\nnothing to commit, working tree clean\n')).toBe(
      'git-nothing-to-commit',
    );
  });
});

describe('gitErrorMessage', () => {
  // A record keyed by every git code: a new git-* code in the contract fails to compile here.
  const everyCode: { [K in GitErrorCode]: true } = {
    'git-no-upstream': true,
    'git-rejected': true,
    'git-auth': true,
    'git-offline': true,
    'git-no-identity': true,
    'git-nothing-to-commit': true,
    'git-detached-head': true,
    'git-merge-conflict': true,
    'git-in-progress': true,
    'git-locked': true,
    'git-hook': true,
    'git-failed': true,
  };
  const codes = Object.keys(everyCode) as GitErrorCode[];

  it('gives every git code its own plain sentence', () => {
    const messages = codes.map(gitErrorMessage);
    expect(new Set(messages).size).toBe(codes.length);
    for (const message of messages) expect(message).toMatch(/^[A-Z].{20,}\.$/);
  });

  it('says what to do next for every failure the writer can act on', () => {
    for (const code of codes.filter((c) => c !== 'git-nothing-to-commit')) {
      expect(gitErrorMessage(code)).toMatch(/then (publish|try) again/);
    }
  });
});

describe('GitError', () => {
  it('is an AppFailure whose wire form carries the code, the sentence and git output without secrets', () => {
    const error = new GitError('git-auth', {
      args: ['push', 'https://writer:s3cret@example.test/blog.git'],
      exitCode: 128,
      stderr: "fatal: Authentication failed for 'https://writer:s3cret@example.test/blog.git/'\n",
      stdout: '',
    });
    expect(error).toBeInstanceOf(AppFailure);
    const wire = error.toJSON();
    expect(wire.code).toBe('git-auth');
    expect(wire.message).toBe(gitErrorMessage('git-auth'));
    expect(wire.detail).toContain('Authentication failed');
    expect(wire.detail).not.toContain('s3cret');
    expect(JSON.parse(JSON.stringify(error))).toEqual(wire);
  });
});

describe('redactCredentials', () => {
  it('hides user and password in URLs and leaves other text alone', () => {
    expect(redactCredentials('to https://me:tok@host/x.git and ssh://git@host/y')).toBe(
      'to https://***@host/x.git and ssh://***@host/y',
    );
    expect(redactCredentials('git@github.com: Permission denied')).toBe('git@github.com: Permission denied');
  });
});

describe('gitCauseMessage: the message names the cause', () => {
  it('names the operation in progress', () => {
    expect(
      gitCauseMessage('git-in-progress', 'error: It seems that there is already a rebase-merge directory'),
    ).toMatch(/middle of a rebase.*git rebase --abort/);
    expect(gitCauseMessage('git-in-progress', 'fatal: You have not concluded your merge (MERGE_HEAD exists).')).toMatch(
      /middle of a merge.*git merge --abort/,
    );
  });

  it('names the lock file', () => {
    const output =
      "fatal: Unable to create '/home/ana/blog/.git/index.lock': File exists.\n\nAnother git process seems to be running in this repository";
    expect(gitCauseMessage('git-locked', output)).toMatch(/“\/home\/ana\/blog\/\.git\/index\.lock” exists.*remove it/);
  });

  it('quotes what a remote hook said', () => {
    const output =
      'remote: Posts need a description: content/posts/fog.md        \nremote: error: hook declined to update refs/heads/main\n ! [remote rejected] main -> main (pre-receive hook declined)';
    expect(gitCauseMessage('git-hook', output)).toBe(
      "The remote's hook refused the push and said: Posts need a description: content/posts/fog.md Your commit is kept on this computer; fix what it describes, then publish again.",
    );
  });

  it('says the remote path no longer exists, instead of "Git could not complete the operation"', () => {
    const output =
      "fatal: '/srv/git/old-blog.git' does not appear to be a git repository\nfatal: Could not read from remote repository.";
    expect(classifyGitError(output)).toBe('git-failed');
    expect(gitCauseMessage('git-failed', output)).toMatch(
      /“\/srv\/git\/old-blog\.git” no longer exists.*git remote set-url origin/,
    );
    expect(
      gitCauseMessage(
        'git-failed',
        "remote: Repository not found.\nfatal: repository 'https://git.example.test/ana/blog.git/' not found",
      ),
    ).toMatch(/“https:\/\/git\.example\.test\/ana\/blog\.git\/” no longer exists/);
    expect(gitCauseMessage('git-failed', 'fatal: something else entirely')).toBeNull();
  });
});
