// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import {
  createToolsStore,
  initialToolsState,
  ToolsContext,
  toolsReducer,
  useCollectionRequests,
} from '../../../../renderer/commands/tools-state';
import { mount, type Mounted } from '../dom';

let mounted: Mounted | undefined;
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

describe('the writer tools’ state', () => {
  it('keeps the same object when an action changes nothing, so no view re-renders', () => {
    const state = initialToolsState('dark');
    expect(toolsReducer(state, { type: 'palette', mode: null })).toBe(state);
    expect(toolsReducer(state, { type: 'sheet', open: false })).toBe(state);
    expect(toolsReducer(state, { type: 'close-find' })).toBe(state);
    expect(toolsReducer(state, { type: 'publish-confirm', open: false })).toBe(state);
    expect(toolsReducer(state, { type: 'theme', theme: 'dark' })).toBe(state);
    expect(toolsReducer(state, { type: 'selection', counts: null })).toBe(state);
    const counted = toolsReducer(state, { type: 'selection', counts: { words: 2, characters: 9 } });
    expect(toolsReducer(counted, { type: 'selection', counts: { words: 2, characters: 9 } })).toBe(counted);
  });

  it('opening the palette closes the sheet and the other way round; each find request counts', () => {
    let state = toolsReducer(initialToolsState(), { type: 'sheet', open: true });
    state = toolsReducer(state, { type: 'palette', mode: 'posts' });
    expect([state.palette, state.sheet]).toEqual(['posts', false]);
    state = toolsReducer(state, { type: 'sheet', open: true });
    expect([state.palette, state.sheet]).toEqual([null, true]);
    state = toolsReducer(state, { type: 'find', replace: false });
    state = toolsReducer(state, { type: 'find', replace: true });
    expect(state.find).toEqual({ replace: true, opened: 2 });
  });

  it('hands each collection the palette asks for to the library, again for the same one', async () => {
    const tools = createToolsStore();
    const shown: string[] = [];
    function Library() {
      useCollectionRequests((id) => shown.push(id));
      return null;
    }
    mounted = await mount(
      <ToolsContext.Provider value={tools}>
        <Library />
      </ToolsContext.Provider>,
    );
    await act(async () => tools.dispatch({ type: 'show-collection', id: 'posts' }));
    await act(async () => tools.dispatch({ type: 'show-collection', id: 'posts' }));
    await act(async () => tools.dispatch({ type: 'show-collection', id: 'pages' }));
    expect(shown).toEqual(['posts', 'posts', 'pages']);
  });
});
