/** Connects the document's decorator nodes to their React views; called once at start-up. */
import { setDecoratorRenderer } from '../../../shared/document';
import { ImageView } from './ImageView';

/** Registers every decorator view. Thematic breaks keep the node's own `<hr>`. */
export function registerDecoratorViews(): void {
  // Keyed by src so a changed address gets a fresh load attempt instead of the old failure.
  setDecoratorRenderer('image', (props) => <ImageView key={props.src} {...props} />);
}
