import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_REPO_SETTINGS, getRepoSettings, setRepoSettings } from '../../../main/repo-settings';
import { createFileSettings } from '../../../main/settings';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function settingsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'masthead-repo-settings-'));
  dirs.push(dir);
  return dir;
}

describe('repository settings', () => {
  it('start with autosave off and keep a change per repository, across launches', async () => {
    const dir = settingsDir();
    const settings = createFileSettings(dir);
    expect(getRepoSettings(settings, '/sites/harbour')).toEqual(DEFAULT_REPO_SETTINGS);

    expect(await setRepoSettings(settings, '/sites/harbour', { autosave: true })).toEqual({
      ...DEFAULT_REPO_SETTINGS,
      autosave: true,
    });
    expect(getRepoSettings(settings, '/sites/harbour')).toEqual({ ...DEFAULT_REPO_SETTINGS, autosave: true });
    expect(getRepoSettings(settings, '/sites/other')).toEqual(DEFAULT_REPO_SETTINGS);

    const nextLaunch = createFileSettings(dir);
    expect(getRepoSettings(nextLaunch, '/sites/harbour')).toEqual({ ...DEFAULT_REPO_SETTINGS, autosave: true });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).repositorySettings).toEqual({
      '/sites/harbour': { ...DEFAULT_REPO_SETTINGS, autosave: true },
    });
  });

  it('read a hand-edited value of the wrong kind as the default', async () => {
    const settings = createFileSettings(settingsDir());
    await settings.set('repositorySettings', { '/sites/harbour': { autosave: 'yes' } });
    expect(getRepoSettings(settings, '/sites/harbour')).toEqual(DEFAULT_REPO_SETTINGS);
  });

  it('keep the writer-tool preferences (publish without asking, focus mode, typewriter scrolling) beside autosave', async () => {
    const settings = createFileSettings(settingsDir());
    expect(getRepoSettings(settings, '/sites/harbour').publishWithoutAsking).toBe(false);
    await setRepoSettings(settings, '/sites/harbour', { publishWithoutAsking: true, typewriterScrolling: true });
    expect(getRepoSettings(settings, '/sites/harbour')).toEqual({
      autosave: false,
      publishWithoutAsking: true,
      focusMode: false,
      typewriterScrolling: true,
    });
  });
});
