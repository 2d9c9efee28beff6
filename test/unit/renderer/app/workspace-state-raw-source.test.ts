import { describe, expect, it } from 'vitest';
import type { RepoSummary } from '../../../../shared/api';
import { initialWorkspaceState, opensAsRawSource, workspaceReducer } from '../../../../renderer/app/workspace-state';

const repo: RepoSummary = { path: '/tmp/blog', name: 'blog', branch: 'main', collections: [] };
const PATH = 'content/posts/ferry.md';

describe('a post that fails to open because of its text', () => {
  it('opens in the raw source view (no error notice, no stale post), and any other failure stays an error', () => {
    const opening = workspaceReducer(initialWorkspaceState(repo), { type: 'open-start', path: PATH });
    const frontMatter = workspaceReducer(opening, {
      type: 'open-failed',
      path: PATH,
      error: {
        code: 'invalid-front-matter',
        message: 'The front matter has a mistake on line 4: Map keys must be unique.',
      },
    });
    expect(frontMatter).toMatchObject({ rawSource: PATH, openError: null, post: null, opening: null });

    const latin1 = workspaceReducer(opening, {
      type: 'open-failed',
      path: PATH,
      error: { code: 'io', message: `“${PATH}” is not UTF-8 text (byte 0xE9 on line 2)…` },
    });
    expect(latin1.rawSource).toBe(PATH);

    const denied = workspaceReducer(opening, {
      type: 'open-failed',
      path: PATH,
      error: { code: 'io', message: 'Could not read it: permission denied.' },
    });
    expect(denied).toMatchObject({ rawSource: null, openError: { message: 'Could not read it: permission denied.' } });
    expect(workspaceReducer(frontMatter, { type: 'open-start', path: 'content/posts/other.md' }).rawSource).toBeNull();
  });

  it('knows which failures the raw view can fix', () => {
    expect(opensAsRawSource({ code: 'invalid-front-matter', message: 'x' })).toBe(true);
    expect(opensAsRawSource({ code: 'io', message: '“a.md” is a binary file, not text' })).toBe(true);
    expect(opensAsRawSource({ code: 'not-found', message: 'gone' })).toBe(false);
  });
});
