/**
 * The editor as one lazily loaded chunk: Lexical, the document model and its Markdown pipeline,
 * the editor's plugins. The first screen loads without it; `editor-loader.ts` fetches it when a
 * repository opens (in idle time) or when a post opens, whichever comes first.
 */
import { registerDecoratorViews } from './nodes/register-views';

// Before any editor renders a decorator node.
registerDecoratorViews();

export { PostEditor } from './PostEditor';
export { warmUpEditor } from './warm-up';
export { rehearseEditorPage } from './dress-rehearsal';
export { exportBodyIncrementally } from './block-export';
export { $readSelectionFormats, runFormat } from './format-commands';
export { OPEN_LINK_EDITOR_COMMAND } from './plugins/LinkEditorPlugin';
export { insertCommands } from '../commands/insert-commands';
export { capturePlace, restorePlaceOnNextEditor } from '../sync/keep-view';
