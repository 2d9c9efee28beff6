/**
 * An image or file path (Decap `image`, `file`) as written in the post, with a thumbnail of the
 * image loaded through the app's media service.
 */
import { useState } from 'react';
import { useServices } from '../form-context';
import { textOf, type FieldProps } from '../field-props';
import { FieldFrame, useFieldFrame } from './FieldFrame';

/** Edits a media path. */
export function MediaField({ field, value, onChange, path, contextId }: FieldProps<'image' | 'file'>) {
  const frame = useFieldFrame(field, path, contextId);
  const { mediaUrl } = useServices();
  const src = textOf(value).trim();
  // Remember which path failed to load, so a fixed path gets a fresh try.
  const [broken, setBroken] = useState<string | null>(null);
  const showImage = field.widget === 'image' && src !== '' && broken !== src;
  return (
    <FieldFrame field={field} frame={frame} className="field--media">
      <div className="media">
        {showImage && (
          // The path beside it already names the image; the thumbnail is a visual aid only.
          <img className="media__thumb" src={mediaUrl(src)} alt="" onError={() => setBroken(src)} />
        )}
        <input {...frame.aria()} className="input" type="text" value={textOf(value)} placeholder={field.widget === 'image' ? 'path/to/image.jpg' : 'path/to/file.pdf'} onChange={(event) => onChange(event.target.value)} />
      </div>
      {field.widget === 'image' && src !== '' && broken === src && <p className="field__hint">No image found at this path.</p>}
    </FieldFrame>
  );
}
