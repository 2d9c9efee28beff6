import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-stub'));

// electron-store itself imports 'electron' from node_modules, where vi.mock cannot reach; this
// stand-in keeps its documented behaviour (an in-memory conf) and records the options it got.
const stores = vi.hoisted(() => ({ options: [] as Record<string, unknown>[], failFirst: false }));
vi.mock('electron-store', () => ({
  default: class FakeStore {
    private data = new Map<string, unknown>();
    constructor(options: Record<string, unknown>) {
      stores.options.push(options);
      if (stores.failFirst) {
        stores.failFirst = false;
        throw new SyntaxError('Unexpected token in JSON');
      }
    }
    get(key: string): unknown {
      return this.data.get(key);
    }
    set(key: string, value: unknown): void {
      this.data.set(key, JSON.parse(JSON.stringify(value)) as unknown);
    }
    has(key: string): boolean {
      return this.data.has(key);
    }
  },
}));

const { createElectronSettings } = await import('../../../../main/electron/settings');

describe('createElectronSettings', () => {
  it('stores plain keys in settings.json of the given folder', () => {
    createElectronSettings('/tmp/masthead-config');
    expect(stores.options.at(-1)).toMatchObject({
      name: 'settings',
      cwd: '/tmp/masthead-config',
      accessPropertiesByDotNotation: false,
    });
  });

  it('keeps the recent list most recent first, without duplicates', async () => {
    const settings = createElectronSettings('/tmp/masthead-config');
    await settings.addRecent('/blog', 'blog');
    await settings.addRecent('/notes', 'notes');
    await settings.addRecent('/blog', 'blog');
    expect(settings.getRecent().map((repo) => repo.path)).toEqual(['/blog', '/notes']);
    expect(settings.getRecent()[0]!.openedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('returns copies of stored values, and undefined for unknown keys', async () => {
    const settings = createElectronSettings('/tmp/masthead-config');
    await settings.set('editor.width', { columns: 72 });
    const value = settings.get('editor.width') as { columns: number };
    value.columns = 1;
    expect(settings.get('editor.width')).toEqual({ columns: 72 });
    expect(settings.get('missing')).toBeUndefined();
  });

  it('moves an unreadable settings file aside instead of failing or losing it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'masthead-electron-settings-'));
    try {
      writeFileSync(join(dir, 'settings.json'), '{ not json');
      stores.failFirst = true;
      const settings = createElectronSettings(dir);
      expect(readFileSync(join(dir, 'settings.json.bak'), 'utf8')).toBe('{ not json');
      expect(existsSync(join(dir, 'settings.json'))).toBe(false);
      await settings.addRecent('/blog', 'blog');
      expect(settings.getRecent().map((repo) => repo.path)).toEqual(['/blog']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps working in memory when the file can be neither read nor moved', async () => {
    stores.failFirst = true;
    const settings = createElectronSettings('/nonexistent/masthead-config');
    await settings.addRecent('/blog', 'blog');
    await settings.set('theme', 'dark');
    expect(settings.getRecent().map((repo) => repo.path)).toEqual(['/blog']);
    expect(settings.get('theme')).toBe('dark');
  });
});
