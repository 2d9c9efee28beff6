/**
 * An image or file path (Decap `image`, `file`) as written in the post, with a thumbnail of the
 * image loaded through the app's media service. An image field also offers "Choose image…": the
 * picked file is copied into the site's media folder by the same rules as images in the body, and
 * the field gets the path the site will serve.
 */
import { useRef, useState } from 'react';
import { toAppError } from '../../../shared/errors';
import { useServices } from '../form-context';
import { textOf, type FieldProps } from '../field-props';
import { FieldFrame, useFieldFrame } from './FieldFrame';

/** Edits a media path. */
export function MediaField({ field, value, onChange, path, contextId }: FieldProps<'image' | 'file'>) {
  const frame = useFieldFrame(field, path, contextId);
  const { mediaUrl, importImage } = useServices();
  const src = textOf(value).trim();
  // Remember which path failed to load, so a fixed path gets a fresh try.
  const [broken, setBroken] = useState<string | null>(null);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const showImage = field.widget === 'image' && src !== '' && broken !== src;
  const canPick = field.widget === 'image' && importImage !== undefined;

  const pick = async (file: File | undefined) => {
    if (!file || !importImage) return;
    setBusy(true);
    setNote(null);
    try {
      const imported = await importImage(file, field);
      onChange(imported.src);
      if (imported.warning !== null) setNote({ text: imported.warning, error: false });
    } catch (error) {
      setNote({ text: `Could not add ${file.name}: ${toAppError(error).message}`, error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <FieldFrame field={field} frame={frame} className="field--media">
      <div className="media">
        {showImage && (
          // The path beside it already names the image; the thumbnail is a visual aid only.
          <img className="media__thumb" src={mediaUrl(src)} alt="" onError={() => setBroken(src)} />
        )}
        <input
          {...frame.aria()}
          className="input"
          type="text"
          value={textOf(value)}
          placeholder={field.widget === 'image' ? 'path/to/image.jpg' : 'path/to/file.pdf'}
          onChange={(event) => onChange(event.target.value)}
        />
        {canPick && (
          <>
            <button
              type="button"
              className="button button--small media__pick"
              disabled={busy}
              aria-label={`Choose image for ${field.label}`}
              onClick={() => picker.current?.click()}
            >
              {busy ? 'Adding…' : 'Choose…'}
            </button>
            <input
              ref={picker}
              className="media__file"
              type="file"
              accept="image/png,image/jpeg,image/gif,image/webp,image/avif,image/svg+xml"
              tabIndex={-1}
              aria-hidden="true"
              onChange={(event) => {
                const file = event.target.files?.[0];
                // Cleared so choosing the same file again still fires a change.
                event.target.value = '';
                void pick(file);
              }}
            />
          </>
        )}
      </div>
      {field.widget === 'image' && src !== '' && broken === src && (
        <p className="field__hint">No image found at this path.</p>
      )}
      {note && (
        <p
          className={note.error ? 'field__issue field__issue--error' : 'field__issue field__issue--warning'}
          role={note.error ? 'alert' : 'status'}
        >
          {note.text}
        </p>
      )}
    </FieldFrame>
  );
}
