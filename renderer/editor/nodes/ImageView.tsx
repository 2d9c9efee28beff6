/**
 * How an image in the body looks. Images stored in the site repository (`/images/cover.jpg`,
 * `./cover.png`) are loaded from it through the back end, so they show offline; web addresses load
 * as they are. When an image cannot load, the writer sees a calm placeholder with the alt text and
 * the path instead of a broken-image icon. Under every image sits its description (alt text) as
 * an editable field, so describing images is part of writing, not a hidden property.
 */
import { useState } from 'react';
import { $getNodeByKey, type LexicalEditor, type NodeKey } from 'lexical';
import { $isImageNode, type ImageDecoratorProps } from '../../../shared/document';
import { mediaUrl } from '../../api';
import { useOpenPostPath } from '../../app/WorkspaceContext';
import { previewFor } from '../images/local-previews';
import './image-view.css';

/** Renders one image node with its alt-text field. */
export function ImageView({ editor, nodeKey, src, alt, title }: ImageDecoratorProps) {
  const postPath = useOpenPostPath();
  const [failed, setFailed] = useState(src.trim() === '');
  const picture = failed ? (
    <span
      className="ed-image__missing"
      role="img"
      aria-label={`Image: ${alt || 'no description'}`}
      title={title ?? src}
    >
      <span className="ed-image__alt">This image can’t be shown here</span>
      <code className="ed-image__src">{src}</code>
    </span>
  ) : (
    <img src={imageAddress(postPath, src)} alt={alt} title={title ?? undefined} onError={() => setFailed(true)} />
  );
  return (
    <span className="ed-image__figure">
      {picture}
      <AltTextField editor={editor} nodeKey={nodeKey} alt={alt} />
    </span>
  );
}

/** The image's description, written straight into the node (and so into the Markdown on save). */
function AltTextField({ editor, nodeKey, alt }: { editor: LexicalEditor; nodeKey: NodeKey; alt: string }) {
  // While typing, a local draft keeps the caret steady (the node's new alt only comes back after
  // Lexical's update); otherwise the node's own value shows, so undo/redo are reflected.
  const [draft, setDraft] = useState(alt);
  const [focused, setFocused] = useState(false);

  return (
    <input
      className="ed-image__alt-input"
      type="text"
      aria-label="Image description (alt text)"
      placeholder="Describe this image for readers who can’t see it"
      value={focused ? draft : alt}
      spellCheck
      onFocus={() => {
        setDraft(alt);
        setFocused(true);
      }}
      onBlur={() => setFocused(false)}
      // Keys typed here belong to this field, not to the editor around it (Enter would split the paragraph).
      // Enter (or Escape) confirms the description and puts the caret back in the text, after the image.
      onKeyDown={(event) => {
        event.stopPropagation();
        if ((event.key !== 'Enter' && event.key !== 'Escape') || event.nativeEvent.isComposing) return;
        event.preventDefault();
        // Lexical leaves the DOM selection alone while an input inside the editor has focus, so move it first.
        event.currentTarget.blur();
        editor.getRootElement()?.focus({ preventScroll: true });
        editor.update(() => $getNodeByKey(nodeKey)?.selectNext());
      }}
      onChange={(event) => {
        const next = event.target.value;
        setDraft(next);
        editor.update(() => {
          const node = $getNodeByKey(nodeKey);
          if ($isImageNode(node)) node.setPayload({ alt: next });
        });
      }}
    />
  );
}

/** The address to load: web and inline images as written, anything else from the repository. */
export function imageAddress(postPath: string | null, src: string): string {
  const trimmed = src.trim();
  if (/^(https?:|data:|blob:)/i.test(trimmed) || trimmed.startsWith('//') || postPath === null) return trimmed;
  // A picture just added shows from the writer's own file (see local-previews.ts).
  return previewFor(postPath, trimmed) ?? mediaUrl(postPath, trimmed);
}
