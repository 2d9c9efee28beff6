/**
 * Duplicated fields (Decap `i18n: duplicate`) stay the same in every translation: saving one
 * locale's post patches the others' files, and publishing commits them with it — only them.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostDocument, PublishResult, SaveResult } from '../../../shared/api';
import { createBackend, type Backend } from '../../../main/backend';
import { dispatch } from '../../../main/request-checks';
import { createFileSettings } from '../../../main/settings';
import { readFixtureFiles } from '../../support/content-repo';
import { createRepoWithRemote, type RepoWithRemote } from '../../support/git-fixtures';
import { makeTempDir } from './workspace/temp-dir';

const EN = 'content/posts/en/smoked-trout.md';
const DE = 'content/posts/de/smoked-trout.md';

describe('translations keep their duplicated fields in step', () => {
  let repo: RepoWithRemote;
  let configDir: string;
  let backend: Backend;

  beforeEach(async () => {
    repo = createRepoWithRemote({ files: readFixtureFiles('sites/decap-i18n') });
    configDir = makeTempDir();
    backend = createBackend({
      shell: 'web',
      version: '0',
      settings: createFileSettings(configDir),
      emit: () => undefined,
    });
    await backend.openRepository(repo.workTree);
  });
  afterEach(() => {
    repo.cleanup();
    rmSync(configDir, { recursive: true, force: true });
  });

  const ok = async <T>(name: string, arg: unknown): Promise<T> => {
    const outcome = await dispatch(backend, name, arg);
    if (!outcome.ok) throw new Error(`${name} failed: ${JSON.stringify(outcome.error)}`);
    return outcome.value as T;
  };
  const read = (path: string): string => readFileSync(join(repo.workTree, path), 'utf8');

  it('a changed date and tags reach the German file, line by line; the title, translated, does not', async () => {
    const german = read(DE);
    const doc = await ok<PostDocument>('post:read', { path: EN });
    const saved = await ok<SaveResult>('post:save', {
      path: EN,
      baseVersion: doc.version,
      frontMatter: {
        ...doc.frontMatter,
        title: 'Smoking Trout at Home',
        date: '2026-02-12T17:00:00.000Z',
        tags: ['fish', 'smoking', 'dill'],
      },
      body: doc.body,
    });
    expect(saved.translationsUpdated).toEqual([DE]);
    expect(saved.translationsFailed).toBeUndefined();
    expect(read(DE)).toBe(
      german
        .replace('date: 2026-02-10T17:00:00.000Z', 'date: 2026-02-12T17:00:00.000Z')
        .replace('  - smoking\n', '  - smoking\n  - dill\n'),
    );
  });

  it('a save that leaves the duplicated fields alone writes no translation', async () => {
    const german = read(DE);
    const doc = await ok<PostDocument>('post:read', { path: EN });
    const saved = await ok<SaveResult>('post:save', {
      path: EN,
      baseVersion: doc.version,
      frontMatter: { ...doc.frontMatter, title: 'Trout' },
      body: doc.body,
    });
    expect(saved.written).toBe(true);
    expect(saved.translationsUpdated).toBeUndefined();
    expect(read(DE)).toBe(german);
  });

  it('publishing commits the post with the translations its saves changed, and not their other edits', async () => {
    const doc = await ok<PostDocument>('post:read', { path: EN });
    const saved = await ok<SaveResult>('post:save', {
      path: EN,
      baseVersion: doc.version,
      frontMatter: { ...doc.frontMatter, date: '2026-03-01T08:00:00.000Z' },
      body: doc.body,
    });
    // An unpublished edit in another post stays out of the commit.
    repo.write({
      'content/notes/rye-starter.de.md': `${read('content/notes/rye-starter.de.md')}\nNoch nicht fertig.\n`,
    });
    const published = await ok<PublishResult>('post:publish', {
      path: EN,
      baseVersion: saved.version,
      frontMatter: { ...doc.frontMatter, date: '2026-03-01T08:00:00.000Z' },
      body: doc.body,
    });
    expect(published.committed).toBe(true);
    expect(repo.remoteGit('show', '--name-only', '--format=', 'main').trim().split('\n').sort()).toEqual([DE, EN]);
    expect(repo.remoteGit('show', `main:${DE}`)).toContain('date: 2026-03-01T08:00:00.000Z');
    expect(repo.git('status', '--porcelain').trim()).toBe('M content/notes/rye-starter.de.md');
  });

  it('a translation with unpublished edits of its own is not published by its sibling, and goes out when it is published itself', async () => {
    const de = await ok<PostDocument>('post:read', { path: DE });
    const draft = `${de.body}\nNoch nicht fertig.\n`;
    await ok<SaveResult>('post:save', { path: DE, baseVersion: de.version, frontMatter: de.frontMatter, body: draft });
    const en = await ok<PostDocument>('post:read', { path: EN });
    const date = '2026-03-01T08:00:00.000Z';
    const published = await ok<PublishResult>('post:publish', {
      path: EN,
      baseVersion: en.version,
      frontMatter: { ...en.frontMatter, date },
      body: en.body,
    });
    expect(published.save.translationsUpdated).toEqual([DE]);
    expect(repo.remoteGit('show', '--name-only', '--format=', 'main').trim()).toBe(EN);
    expect(repo.remoteGit('show', `main:${DE}`)).not.toContain('Noch nicht fertig.');
    expect(read(DE)).toContain(`date: ${date}`);

    const again = await ok<PostDocument>('post:read', { path: DE });
    await ok<PublishResult>('post:publish', {
      path: DE,
      baseVersion: again.version,
      frontMatter: again.frontMatter,
      body: again.body,
    });
    expect(repo.remoteGit('show', `main:${DE}`)).toContain('Noch nicht fertig.');
    expect(repo.remoteGit('show', `main:${DE}`)).toContain(`date: ${date}`);
  });

  it('saving an entry of a translated data collection works (its translations are edited one by one)', async () => {
    repo.write({
      'static/admin/config.yml': `${read('static/admin/config.yml')}
  - name: authors
    label: Authors
    folder: data/authors
    format: yml
    extension: yml
    create: true
    i18n: true
    fields:
      - { name: name, label: Name, widget: string, i18n: duplicate }
      - { name: bio, label: Bio, widget: text, i18n: true }
`,
      'data/authors/en/ada.yml': 'name: Ada\nbio: Cooks.\n',
      'data/authors/de/ada.yml': 'name: Ada\nbio: Kocht.\n',
    });
    await backend.openRepository(repo.workTree);
    const doc = await ok<PostDocument>('post:read', { path: 'data/authors/en/ada.yml' });
    expect(doc.kind).toBe('data');
    const saved = await ok<SaveResult>('post:save', {
      path: doc.path,
      baseVersion: doc.version,
      frontMatter: { ...doc.frontMatter, name: 'Ada Quay' },
      body: '',
    });
    expect(saved.written).toBe(true);
    expect(read('data/authors/en/ada.yml')).toBe('name: Ada Quay\nbio: Cooks.\n');
    expect(read('data/authors/de/ada.yml')).toBe('name: Ada\nbio: Kocht.\n');
  });

  it('a translation that cannot be read is left as it is and named in the save result', async () => {
    const broken = read(DE).replace('title: Forelle räuchern auf dem Balkon', 'title: [unclosed');
    repo.write({ [DE]: broken });
    const doc = await ok<PostDocument>('post:read', { path: EN });
    const saved = await ok<SaveResult>('post:save', {
      path: EN,
      baseVersion: doc.version,
      frontMatter: { ...doc.frontMatter, tags: ['fish'] },
      body: doc.body,
    });
    expect(saved.written).toBe(true);
    expect(saved.translationsUpdated).toBeUndefined();
    expect(saved.translationsFailed).toEqual([
      { path: DE, message: expect.stringMatching(/front matter has a mistake on line \d/) },
    ]);
    expect(read(DE)).toBe(broken);
  });
});
