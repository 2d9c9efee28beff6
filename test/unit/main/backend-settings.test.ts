// The repository settings through the back end's requests: the writer-tool preferences are kept
// per repository beside autosave, and a value of the wrong kind is refused without changing any.
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RepoSettings } from '../../../shared/api';
import { createBackend, type Backend } from '../../../main/backend';
import { dispatch } from '../../../main/request-checks';
import { createFileSettings } from '../../../main/settings';
import { createRepoWithRemote, type RepoWithRemote } from '../../support/git-fixtures';
import { makeTempDir } from './workspace/temp-dir';

describe('backend settings requests', () => {
  let configDir: string;
  let backend: Backend;
  let repo: RepoWithRemote;

  beforeEach(async () => {
    configDir = makeTempDir();
    backend = createBackend({
      shell: 'web',
      version: '0',
      settings: createFileSettings(configDir),
      emit: () => undefined,
    });
    repo = createRepoWithRemote({ files: { 'content/posts/quay.md': '---\ntitle: The Quay\n---\nBoats.\n' } });
    await backend.openRepository(repo.workTree);
  });
  afterEach(async () => {
    // Opening starts tidying in the background (temp files in .git): let it finish first.
    await backend.settle();
    repo.cleanup();
    rmSync(configDir, { recursive: true, force: true });
  });

  it('keeps publish-without-asking, focus mode and typewriter scrolling, and refuses a non-boolean', async () => {
    const set = await dispatch(backend, 'settings:set', { publishWithoutAsking: true, focusMode: true });
    expect(set.ok && (set.value as RepoSettings)).toEqual({
      autosave: false,
      publishWithoutAsking: true,
      focusMode: true,
      typewriterScrolling: false,
    });

    const refused = await dispatch(backend, 'settings:set', { typewriterScrolling: 'on', autosave: true });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toContain('“typewriterScrolling” must be true or false');

    const got = await dispatch(backend, 'settings:get', null);
    expect(got.ok && got.value).toEqual({
      autosave: false,
      publishWithoutAsking: true,
      focusMode: true,
      typewriterScrolling: false,
    });
  });
});
