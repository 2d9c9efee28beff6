// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { invoke } from '../../../../../renderer/api';
import { PublishImages } from '../../../../../renderer/editor/images/PublishImages';
import { mount, type Mounted } from '../../dom';
import { fakeWorkspace, inWorkspace } from '../../fake-backend';

vi.mock('../../../../../renderer/api', () => ({
  invoke: vi.fn(),
  on: vi.fn(() => () => undefined),
  mediaUrl: vi.fn(),
}));

let answer: () => Promise<string[]>;
let asked: unknown[];
let mounted: Mounted | undefined;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  asked = [];
  answer = async () => ['static/images/gull.png'];
  vi.mocked(invoke).mockReset();
  vi.mocked(invoke).mockImplementation((async (name: string, arg: unknown) => {
    if (name !== 'media:added') throw new Error(`unexpected ${name}`);
    asked.push(arg);
    return answer();
  }) as typeof invoke);
});
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
  vi.useRealTimers();
});

const post = (body: string) => ({ frontMatter: { title: 'Harbour' }, body });
// The component asks through the workspace controller, which talks to the mocked back end.
const workspace = () => fakeWorkspace(invoke as never);

describe('the images a publish takes along', () => {
  it('asks once the text has rested, and lists the images the commit will hold', async () => {
    const ws = workspace();
    mounted = await mount(
      inWorkspace(
        <PublishImages path="content/posts/harbour.md" current={post('![](/images/gull.png)\n')} lastCommit={null} />,
        ws,
      ),
    );
    expect(asked).toHaveLength(0);
    await act(async () => vi.advanceTimersByTimeAsync(300));
    expect(asked).toEqual([
      { path: 'content/posts/harbour.md', frontMatter: { title: 'Harbour' }, body: '![](/images/gull.png)\n' },
    ]);
    expect(mounted.container.textContent).toBe('With the image it adds:static/images/gull.png');
  });

  it('asks again only after the writer stops typing, and counts several images', async () => {
    const ws = workspace();
    answer = async () => ['static/images/a.png', 'static/images/b.png'];
    mounted = await mount(inWorkspace(<PublishImages path="p.md" current={post('a')} lastCommit={null} />, ws));
    await act(async () => vi.advanceTimersByTimeAsync(100));
    await mounted.rerender(inWorkspace(<PublishImages path="p.md" current={post('ab')} lastCommit={null} />, ws));
    await act(async () => vi.advanceTimersByTimeAsync(300));
    expect(asked).toHaveLength(1);
    expect(mounted.container.querySelector('ul')?.getAttribute('aria-label')).toBe('Images published with the post');
    expect(mounted.container.textContent).toContain('With the 2 images it adds:');
  });

  it('shows nothing when the post adds no image, when the question fails, or with no post', async () => {
    const ws = workspace();
    answer = async () => [];
    mounted = await mount(inWorkspace(<PublishImages path="p.md" current={post('x')} lastCommit={null} />, ws));
    await act(async () => vi.advanceTimersByTimeAsync(300));
    expect(mounted.container.textContent).toBe('');
    answer = async () => {
      throw new Error('offline');
    };
    await mounted.rerender(inWorkspace(<PublishImages path="p.md" current={post('y')} lastCommit={null} />, ws));
    await act(async () => vi.advanceTimersByTimeAsync(300));
    expect(mounted.container.textContent).toBe('');
    await mounted.rerender(inWorkspace(<PublishImages path="p.md" current={null} lastCommit={null} />, ws));
    await act(async () => vi.advanceTimersByTimeAsync(300));
    expect(asked).toHaveLength(2);
  });
});
