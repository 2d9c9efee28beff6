/**
 * The way into a post the editor cannot open: its front matter does not read (a duplicate key, a
 * stray quote), or its text is not UTF-8. The file is shown as plain text in a monospace editor
 * with the parser's message and the line it names highlighted; the writer fixes it here and saves
 * the text exactly as typed. A Latin-1 file is offered converted from Windows-1252, with a preview
 * of the converted text before anything is written.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { RawPost } from '../../shared/api';
import { toAppError, type AppError } from '../../shared/errors';
import { ErrorNotice } from '../app/ErrorNotice';
import { useController } from '../app/WorkspaceContext';
import './raw-source.css';

/** Shows the raw source of the post at `path`, with what keeps it out of the editor. */
export function RawSourcePage({ path }: { path: string }) {
  const controller = useController();
  const [raw, setRaw] = useState<RawPost | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    let live = true;
    controller.loadRawSource(path).then(
      (loaded) => {
        if (!live) return;
        setRaw(loaded);
        setText(loaded.text ?? '');
      },
      (error: unknown) => live && setLoadError(toAppError(error)),
    );
    return () => {
      live = false;
    };
  }, [controller, path]);

  // Writes the text and opens the post again: in the editor if it reads now, else back here with the next problem.
  async function write(next: string): Promise<void> {
    if (!raw || busy) return;
    setBusy(true);
    setSaveError(null);
    try {
      await controller.saveRawSource(path, raw.version, next);
    } catch (error) {
      setSaveError(toAppError(error));
      setBusy(false);
    }
  }

  function saveText(): void {
    if (raw?.text == null) return;
    // A textarea hands back LF line breaks: unchanged text is sent as it was read, edited text in the file's own line ending.
    const original = raw.text.replace(/\r\n/g, '\n');
    const eol = raw.text.includes('\r\n') ? '\r\n' : '\n';
    void write(text === original ? raw.text : text.replace(/\r?\n/g, eol));
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 's') {
      event.preventDefault();
      saveText();
    }
  }

  function goToLine(line: number): void {
    const area = textarea.current;
    if (!area) return;
    const lines = area.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((sum, item) => sum + item.length + 1, 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  }

  if (loadError) {
    return (
      <div className="page__empty">
        <ErrorNotice title="The post could not be opened" error={loadError} />
      </div>
    );
  }
  if (!raw) {
    return (
      <div className="page__empty">
        <p role="status">Reading the file…</p>
      </div>
    );
  }

  const problem = raw.problem;
  return (
    <section className="raw" aria-labelledby="raw-title">
      <header className="raw__header">
        <p className="raw__kicker">Raw source</p>
        <h2 id="raw-title" className="raw__title">
          {path}
        </h2>
      </header>

      {problem ? (
        <div className="raw__problem" role="alert">
          <p className="raw__problem-title">
            {problem.kind === 'front-matter'
              ? 'This post cannot open in the editor until its front matter reads.'
              : problem.kind === 'not-utf8'
                ? 'This file is not UTF-8 text.'
                : 'This file is not text.'}
          </p>
          <p>{problem.message}</p>
          {problem.kind === 'front-matter' && problem.line !== null && (
            <button type="button" className="button button--small" onClick={() => goToLine(problem.line!)}>
              Go to line {problem.line}
            </button>
          )}
        </div>
      ) : (
        <div className="raw__problem raw__problem--ok" role="status">
          <p>This file reads correctly now.</p>
          <button type="button" className="button button--small" onClick={() => void controller.requestOpen(path)}>
            Open in the editor
          </button>
        </div>
      )}

      {saveError && <ErrorNotice title="Not saved — your text is still here" error={saveError} />}

      {raw.text !== null && (
        <>
          <SourceEditor
            ref={textarea}
            path={path}
            text={text}
            line={problem?.line ?? null}
            onChange={setText}
            onKeyDown={onKeyDown}
          />
          <div className="raw__actions">
            <button type="button" className="button button--primary" disabled={busy} onClick={saveText}>
              {busy ? 'Saving…' : 'Save and open in the editor'}
            </button>
            <span className="raw__hint">The text is saved exactly as it is here.</span>
          </div>
        </>
      )}

      {raw.converted !== null && (
        <Conversion converted={raw.converted} busy={busy} onConvert={() => void write(raw.converted!)} />
      )}

      {problem?.kind === 'binary' && (
        <p className="raw__hint">
          Masthead cannot edit this file. Replace it with a text file, or remove it, outside Masthead.
        </p>
      )}
    </section>
  );
}

interface SourceEditorProps {
  ref: Ref<HTMLTextAreaElement>;
  path: string;
  text: string;
  /** The line to highlight (1-based), or null. */
  line: number | null;
  onChange: (text: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
}

/** A plain-text editor with line numbers; the problem's line is marked in the gutter and behind the text. */
function SourceEditor({ ref, path, text, line, onChange, onKeyDown }: SourceEditorProps) {
  const count = useMemo(() => text.split('\n').length, [text]);
  return (
    <div className="raw__source">
      <div className="raw__gutter" aria-hidden="true">
        {Array.from({ length: count }, (_, index) => (
          <span
            key={index}
            className={index + 1 === line ? 'raw__line-number raw__line-number--problem' : 'raw__line-number'}
          >
            {index + 1}
          </span>
        ))}
      </div>
      <div className="raw__text">
        {line !== null && line <= count && (
          <div
            className="raw__band"
            style={{ top: `calc(var(--raw-pad) + ${line - 1} * var(--raw-line))` }}
            aria-hidden="true"
          />
        )}
        <textarea
          ref={ref}
          className="raw__textarea"
          aria-label={`Source of ${path}`}
          aria-describedby={line !== null ? 'raw-line-note' : undefined}
          value={text}
          rows={count}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={onKeyDown}
        />
        {line !== null && (
          <span id="raw-line-note" hidden>
            The problem is on line {line}.
          </span>
        )}
      </div>
    </div>
  );
}

/** The Windows-1252 reading of a file that is not UTF-8, shown before it is written as UTF-8. */
function Conversion({ converted, busy, onConvert }: { converted: string; busy: boolean; onConvert: () => void }) {
  return (
    <div className="raw__conversion">
      <h3 className="raw__subtitle">Convert from Windows-1252 (Latin-1) to UTF-8</h3>
      <p className="raw__hint">
        Old blog engines and Windows editors often saved text this way. This is how the file reads converted; nothing is
        written until you choose Convert.
      </p>
      <textarea
        className="raw__textarea raw__preview"
        aria-label="Preview of the converted text"
        value={converted}
        rows={Math.min(20, converted.split('\n').length)}
        wrap="off"
        readOnly
      />
      <div className="raw__actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={onConvert}>
          {busy ? 'Converting…' : 'Convert to UTF-8 and save'}
        </button>
      </div>
    </div>
  );
}
