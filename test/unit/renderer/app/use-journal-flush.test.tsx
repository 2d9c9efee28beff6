// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useJournalFlush } from '../../../../renderer/app/use-journal-flush';
import { mount, type Mounted } from '../dom';

let mounted: Mounted | undefined;
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

function Host({ controller }: { controller: Parameters<typeof useJournalFlush>[0] }) {
  useJournalFlush(controller);
  return <input aria-label="Title" />;
}

async function setup(safe = true) {
  const controller = { flushJournal: vi.fn(async () => true), safe: vi.fn(() => safe) };
  mounted = await mount(<Host controller={controller} />);
  return { controller, input: mounted.container.querySelector('input')! };
}

describe('journal flush triggers', () => {
  it('flush when focus leaves a field, the page is hidden or goes away, and when the workspace closes', async () => {
    const { controller, input } = await setup();
    input.focus();
    input.blur();
    expect(controller.flushJournal).toHaveBeenCalledTimes(1);

    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(controller.flushJournal).toHaveBeenCalledTimes(1);
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(controller.flushJournal).toHaveBeenCalledTimes(2);

    window.dispatchEvent(new Event('pagehide'));
    expect(controller.flushJournal).toHaveBeenCalledTimes(3);
    await mounted!.unmount();
    mounted = undefined;
    expect(controller.flushJournal).toHaveBeenCalledTimes(4);
  });

  it('let the page close without asking while the journal holds the edits, and ask when it could not take them', async () => {
    const first = await setup(true);
    const calm = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(calm);
    expect(first.controller.flushJournal).toHaveBeenCalledTimes(1);
    expect(calm.defaultPrevented).toBe(false);
    await mounted!.unmount();

    await setup(false);
    const worried = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(worried);
    expect(worried.defaultPrevented).toBe(true);
  });
});
