/**
 * "Sign in to github.com": shown when git needs a username and token the app does not have
 * ('credentials:needed'). The answer goes straight to the back end and the token is cleared from
 * the form at once; Cancel (or Escape) tells git there is no answer, so it fails instead of waiting.
 * Mounted once at the root, so a background fetch can ask on any screen.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { CredentialsNeeded } from '../../shared/api';
import { toAppError } from '../../shared/errors';
import { on } from '../api';
import { useAppService } from './AppServiceContext';
import './dialog.css';
import './credentials.css';

/** Asks the writer for a sign-in whenever git needs one. */
export function CredentialsDialog() {
  // Questions in the order they came; one is shown at a time.
  const [questions, setQuestions] = useState<CredentialsNeeded[]>([]);
  const question = questions[0] ?? null;

  useEffect(
    () =>
      on('credentials:needed', (asked) => {
        setQuestions((pending) =>
          pending.some((item) => item.requestId === asked.requestId) ? pending : [...pending, asked],
        );
      }),
    [],
  );

  const done = (requestId: string) => setQuestions((pending) => pending.filter((item) => item.requestId !== requestId));
  return question ? (
    <SignInForm key={question.requestId} question={question} onDone={() => done(question.requestId)} />
  ) : null;
}

function SignInForm({ question, onDone }: { question: CredentialsNeeded; onDone: () => void }) {
  const service = useAppService();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [username, setUsername] = useState(question.username ?? '');
  const [token, setToken] = useState('');
  const [remember, setRemember] = useState(question.canRemember);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  }, []);

  const cancel = () => {
    onDone();
    // A question that is no longer open (git gave up) needs no answer: nothing to report.
    void service.cancelCredentials(question.requestId).catch(() => undefined);
  };

  const submit = async () => {
    if (username.trim() === '' || token === '' || busy) return;
    setBusy(true);
    const answer = { requestId: question.requestId, username: username.trim(), token, remember };
    // The token leaves the form now: it is not kept in the renderer any longer than this.
    setToken('');
    try {
      await service.provideCredentials(answer);
      onDone();
    } catch (error) {
      setBusy(false);
      setProblem(toAppError(error).message);
    }
  };

  const host = question.host;
  return (
    <dialog
      ref={ref}
      className="dialog credentials"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onCancel={(event) => {
        event.preventDefault();
        cancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h2 id={`${id}-title`} className="dialog__title credentials__title">
          Sign in to {host}
        </h2>
        <p id={`${id}-text`} className="credentials__text">
          Git needs your username and an access token for {host} to reach the repository. Masthead passes them to git
          and never shows the token again.
        </p>
        <div className="credentials__field">
          <label className="credentials__label" htmlFor={`${id}-user`}>
            Username
          </label>
          <input
            id={`${id}-user`}
            className="input"
            type="text"
            autoComplete="username"
            spellCheck={false}
            autoFocus={username === ''}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        </div>
        <div className="credentials__field">
          <label className="credentials__label" htmlFor={`${id}-token`}>
            Access token
          </label>
          <input
            id={`${id}-token`}
            className="input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            autoFocus={username !== ''}
            value={token}
            aria-describedby={`${id}-token-hint`}
            onChange={(event) => setToken(event.target.value)}
          />
          <p id={`${id}-token-hint`} className="credentials__hint">
            A personal access token from {host} with permission to read and write this repository (some hosts accept
            your password).
          </p>
        </div>
        {question.canRemember ? (
          <label className="credentials__remember">
            <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
            Remember on this computer
          </label>
        ) : (
          <p className="credentials__hint">Masthead keeps this sign-in until it quits.</p>
        )}
        {problem && (
          <p className="credentials__problem" role="alert">
            {problem}
          </p>
        )}
        <div className="credentials__actions">
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || username.trim() === '' || token === ''}
          >
            Sign in
          </button>
        </div>
      </form>
    </dialog>
  );
}
