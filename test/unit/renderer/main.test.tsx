// @vitest-environment happy-dom
// The composition root: the real `invoke` (here a fake in its place) reaches the app through the
// app service, and git's sign-in questions are listened for on every screen.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { AppInfo } from '../../../shared/api';
// Marks this an act() environment, as every renderer test is.
import './dom';

const info: AppInfo = { version: '0.1.0', shell: 'web', canPickFolder: false, openRepository: null };
const requests: string[] = [];
const events: string[] = [];
vi.mock('../../../renderer/api', () => ({
  invoke: vi.fn(async (name: string) => {
    requests.push(name);
    if (name === 'app:info') return info;
    if (name === 'repo:recent') return [];
    throw new Error(`unexpected request ${name}`);
  }),
  on: vi.fn((name: string) => {
    events.push(name);
    return () => undefined;
  }),
  mediaUrl: vi.fn(() => ''),
}));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('renderer entry', () => {
  it('starts the app over the back end: asks what is running and shows the start screen', async () => {
    const root = document.createElement('div');
    root.id = 'root';
    document.body.append(root);
    await act(async () => {
      await import('../../../renderer/main');
    });
    await act(async () => undefined);
    // (StrictMode runs each effect twice in development.)
    expect(new Set(requests)).toEqual(new Set(['app:info', 'repo:recent']));
    expect(events).toContain('credentials:needed');
    expect(root.querySelector('h2')?.textContent).toBe('Open a content repository');
  });
});
