// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, lazy, Suspense } from 'react';
import { LoadBoundary } from '../../../../renderer/app/LoadBoundary';
import { getByRole, mount, type Mounted } from '../dom';

let mounted: Mounted | undefined;
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
  vi.restoreAllMocks();
});

describe('LoadBoundary', () => {
  it('shows what could not load in its place, and the rest of the window stays', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let fail: (error: Error) => void = () => undefined;
    const Tab = lazy(() => new Promise<{ default: () => null }>((_resolve, reject) => (fail = reject)));
    mounted = await mount(
      <div>
        <p>Library</p>
        <LoadBoundary what="SEO tab">
          <Suspense fallback={null}>
            <Tab />
          </Suspense>
        </LoadBoundary>
      </div>,
    );
    await act(async () => fail(new Error('Failed to fetch dynamically imported module: SeoTab.js')));
    const alert = getByRole(mounted.container, 'alert');
    expect(alert.textContent).toContain('The SEO tab could not be loaded');
    expect(alert.textContent).toContain('Failed to fetch dynamically imported module');
    expect(mounted.container.textContent).toContain('Library');
  });
});
