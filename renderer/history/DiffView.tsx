/**
 * A readable difference between two versions of a post: changed fields as "field: old → new",
 * then each changed block of the body with its removed words struck through and its added words
 * marked. Shape as well as colour: removed words are struck, added ones underlined, and both are
 * announced as such to screen readers.
 */
import { readableParts, type BlockChange, type FieldChange, type VersionDiff, type WordPart } from './version-diff';
import './history.css';

/** Most blocks shown before the rest is summarised (a rewritten 10k-word post is not read here). */
const MAX_BLOCKS = 60;

/** Renders a VersionDiff; `label` names the region (e.g. "Changes to publish"). */
export function DiffView({ diff, label }: { diff: VersionDiff; label: string }) {
  const shown = diff.blocks.slice(0, MAX_BLOCKS);
  const hidden = diff.blocks.length - shown.length;
  return (
    <section className="diff" aria-label={label}>
      {diff.fields.length > 0 && (
        <ul className="diff__fields" aria-label="Changed fields">
          {diff.fields.map((change) => (
            <FieldLine key={change.key} change={change} />
          ))}
        </ul>
      )}
      {shown.length > 0 && (
        <ol className="diff__blocks" aria-label="Changed text">
          {shown.map((block, index) => (
            <BlockLine key={index} block={block} />
          ))}
        </ol>
      )}
      {hidden > 0 && (
        <p className="diff__more">…and {hidden === 1 ? 'one more changed block' : `${hidden} more changed blocks`}.</p>
      )}
    </section>
  );
}

// Keys as the file spells them: the diff is about the file, and "title: old → new" reads as such.
function FieldLine({ change }: { change: FieldChange }) {
  return (
    <li className="diff__field">
      <span className="diff__key">{change.key}:</span>{' '}
      {change.before === null ? (
        <em className="diff__absent">not set</em>
      ) : (
        <del className="diff__old">
          <span className="visually-hidden">was </span>
          {change.before === '' ? '(empty)' : change.before}
        </del>
      )}{' '}
      <span aria-hidden="true" className="diff__arrow">
        →
      </span>{' '}
      {change.after === null ? (
        <em className="diff__absent">removed</em>
      ) : (
        <ins className="diff__new">
          <span className="visually-hidden">now </span>
          {change.after === '' ? '(empty)' : change.after}
        </ins>
      )}
    </li>
  );
}

const KIND_LABEL: Record<BlockChange['kind'], string> = { added: 'New', removed: 'Removed', changed: 'Changed' };

function BlockLine({ block }: { block: BlockChange }) {
  // A changed block shows its changes with some words around them; a whole new or removed block in full.
  const parts = block.kind === 'changed' ? readableParts(block.parts) : block.parts;
  return (
    <li className="diff__block" data-kind={block.kind}>
      <span className="diff__kind">{KIND_LABEL[block.kind]}</span>
      <p className="diff__text">
        {parts.map((part, index) => (
          <Part key={index} part={part} />
        ))}
      </p>
    </li>
  );
}

function Part({ part }: { part: WordPart }) {
  if (part.change === 'same') return <>{part.text}</>;
  if (part.change === 'added') {
    return (
      <ins className="diff__added">
        <span className="visually-hidden">[added: </span>
        {part.text}
        <span className="visually-hidden">]</span>
      </ins>
    );
  }
  return (
    <del className="diff__removed">
      <span className="visually-hidden">[removed: </span>
      {part.text}
      <span className="visually-hidden">]</span>
    </del>
  );
}
