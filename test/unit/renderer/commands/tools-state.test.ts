import { describe, expect, it } from 'vitest';
import { createToolsStore } from '../../../../renderer/commands/tools-state';

describe('writer-tool settings', () => {
  it('stored settings fill in what the writer has not changed, and never undo what they chose meanwhile', () => {
    const tools = createToolsStore();
    // The writer turns focus mode on before the stored settings (focus mode off) have arrived.
    tools.dispatch({ type: 'settings', focusMode: true });
    tools.dispatch({ type: 'stored-settings', focusMode: false, typewriter: true, publishWithoutAsking: true });
    expect(tools.getState()).toMatchObject({ focusMode: true, typewriter: true, publishWithoutAsking: true });
  });

  it('the writer can still change a setting the stored values filled in', () => {
    const tools = createToolsStore();
    tools.dispatch({ type: 'stored-settings', focusMode: true, typewriter: false, publishWithoutAsking: false });
    tools.dispatch({ type: 'settings', focusMode: false });
    expect(tools.getState().focusMode).toBe(false);
  });
});
