/**
 * The images a publish will commit with the post (the untracked files it refers to, see
 * main/workspace/post-media.ts), listed under "Changes to publish" so the writer sees every file
 * the commit will hold. Shows nothing when the post added no image.
 */
import { useEffect, useState } from 'react';
import type { FrontMatterData } from '../../../shared/api';
import { useController } from '../../app/WorkspaceContext';
import './publish-images.css';

/** How long the text must rest before asking again (the body changes with every keystroke). */
const SETTLE_MS = 300;

/** Lists the post's new images; `current` is the post as a save would send it now. */
export function PublishImages({
  path,
  current,
  lastCommit,
}: {
  path: string;
  current: { frontMatter: FrontMatterData; body: string } | null;
  lastCommit: string | null;
}) {
  const controller = useController();
  const [images, setImages] = useState<string[]>([]);
  useEffect(() => {
    if (current === null) return;
    let live = true;
    const timer = setTimeout(() => {
      controller
        .addedImages(path, current)
        .then((list) => live && setImages(list))
        // Only a list to look at: the publish itself finds the images again.
        .catch(() => live && setImages([]));
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [controller, path, current, lastCommit]);

  if (images.length === 0) return null;
  return (
    <div className="publish-images">
      <p className="publish__diff-note">
        {images.length === 1 ? 'With the image it adds:' : `With the ${images.length} images it adds:`}
      </p>
      <ul className="publish-images__list" aria-label="Images published with the post">
        {images.map((image) => (
          <li key={image}>
            <code>{image}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
