import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_RECENT,
  SETTINGS_FILE,
  createFileSettings,
  defaultSettingsDir,
  sanitizeRecent,
  withRecent,
} from '../../../main/settings';
import { makeTempDir } from './workspace/temp-dir';

describe('file settings', () => {
  let dir: string;
  beforeEach(() => {
    dir = join(makeTempDir(), 'config', 'masthead');
  });
  afterEach(() => rmSync(join(dir, '..', '..'), { recursive: true, force: true }));

  it('starts empty when there is no settings file, without creating one', () => {
    const settings = createFileSettings(dir);
    expect(settings.getRecent()).toEqual([]);
    expect(settings.get('theme')).toBeUndefined();
    expect(existsSync(dir)).toBe(false);
  });

  it('keeps recent repositories most recent first, de-duplicated, and persists them', async () => {
    const settings = createFileSettings(dir);
    await settings.addRecent('/sites/alpha', 'alpha');
    await settings.addRecent('/sites/beta', 'beta');
    await settings.addRecent('/sites/alpha', 'alpha');
    expect(settings.getRecent().map((item) => item.path)).toEqual(['/sites/alpha', '/sites/beta']);
    expect(Date.parse(settings.getRecent()[0]!.openedAt)).not.toBeNaN();

    const reopened = createFileSettings(dir);
    expect(reopened.getRecent()).toEqual(settings.getRecent());
    const onDisk = JSON.parse(readFileSync(join(dir, SETTINGS_FILE), 'utf8')) as Record<string, unknown>;
    expect(onDisk.recentRepositories).toEqual(settings.getRecent());
    expect(readdirSync(dir)).toEqual([SETTINGS_FILE]);
  });

  it(`remembers at most ${MAX_RECENT} repositories`, async () => {
    const settings = createFileSettings(dir);
    for (let i = 0; i < MAX_RECENT + 3; i++) await settings.addRecent(`/sites/s${i}`, `s${i}`);
    const recent = settings.getRecent();
    expect(recent).toHaveLength(MAX_RECENT);
    expect(recent[0]!.path).toBe(`/sites/s${MAX_RECENT + 2}`);
    expect(recent.at(-1)!.path).toBe('/sites/s3');
  });

  it('stores per-key values as copies', async () => {
    const settings = createFileSettings(dir);
    const value = { width: 320, panels: ['seo'] };
    await settings.set('layout', value);
    value.panels.push('mutated');
    expect(settings.get('layout')).toEqual({ width: 320, panels: ['seo'] });
    await settings.set('__proto__', 'plain data');
    expect(createFileSettings(dir).get('layout')).toEqual({ width: 320, panels: ['seo'] });
    expect(createFileSettings(dir).get('__proto__')).toBe('plain data');
  });

  it('survives a corrupted file: starts empty and keeps the old bytes as .bak', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, SETTINGS_FILE), '{"recentRepositories": [ {"path": "/half');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const settings = createFileSettings(dir);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    expect(settings.getRecent()).toEqual([]);
    expect(readFileSync(join(dir, `${SETTINGS_FILE}.bak`), 'utf8')).toBe('{"recentRepositories": [ {"path": "/half');
    await settings.addRecent('/sites/new', 'new');
    expect(
      createFileSettings(dir)
        .getRecent()
        .map((item) => item.path),
    ).toEqual(['/sites/new']);
  });

  it('treats a file that is valid JSON but not an object as corrupted', () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, SETTINGS_FILE), '[1, 2, 3]');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(createFileSettings(dir).getRecent()).toEqual([]);
    warn.mockRestore();
    expect(existsSync(join(dir, `${SETTINGS_FILE}.bak`))).toBe(true);
  });

  it('drops malformed recent entries instead of failing', () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, SETTINGS_FILE),
      JSON.stringify({
        recentRepositories: [
          { path: '/ok', name: 'ok', openedAt: '2025-01-01T00:00:00.000Z' },
          { path: 7 },
          'junk',
          { path: '/ok' },
        ],
      }),
    );
    expect(createFileSettings(dir).getRecent()).toEqual([
      { path: '/ok', name: 'ok', openedAt: '2025-01-01T00:00:00.000Z' },
    ]);
  });
});

describe('pure helpers', () => {
  it('withRecent moves a repository to the front', () => {
    const now = new Date('2025-06-01T12:00:00Z');
    const list = withRecent(
      [
        { path: '/a', name: 'a', openedAt: 'x' },
        { path: '/b', name: 'b', openedAt: 'y' },
      ],
      '/b',
      'b',
      now,
    );
    expect(list).toEqual([
      { path: '/b', name: 'b', openedAt: '2025-06-01T12:00:00.000Z' },
      { path: '/a', name: 'a', openedAt: 'x' },
    ]);
  });

  it('sanitizeRecent rejects non-lists', () => {
    expect(sanitizeRecent({ path: '/a' })).toEqual([]);
  });

  it('defaultSettingsDir honours MASTHEAD_CONFIG_DIR, then XDG_CONFIG_HOME, then ~/.config', () => {
    expect(defaultSettingsDir({ MASTHEAD_CONFIG_DIR: '/tmp/mh', XDG_CONFIG_HOME: '/xdg' })).toBe('/tmp/mh');
    expect(defaultSettingsDir({ XDG_CONFIG_HOME: '/xdg' })).toBe('/xdg/masthead');
    expect(defaultSettingsDir({})).toMatch(/[/\\]\.config[/\\]masthead$/);
  });
});

describe('settings that cannot be read', () => {
  it('runs with defaults and never overwrites the unreadable file', async () => {
    const base = makeTempDir();
    // A folder where the file should be: unreadable as a file even for root.
    mkdirSync(join(base, SETTINGS_FILE, 'inner'), { recursive: true });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const settings = createFileSettings(base);
    warn.mockRestore();
    await settings.addRecent('/sites/a', 'a');
    expect(settings.getRecent().map((item) => item.path)).toEqual(['/sites/a']);
    expect(readdirSync(join(base, SETTINGS_FILE))).toEqual(['inner']);
    rmSync(base, { recursive: true, force: true });
  });
});
