/**
 * The git hosts Masthead can sign in to without asking, each with "Forget credentials for <host>"
 * (in the Publish tab). Shown only when there is something to forget. Looked up again after every
 * publish, since signing in happens during one.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { SavedSignIn } from '../../shared/api';
import { toAppError } from '../../shared/errors';
import { useController } from './WorkspaceContext';
import './credentials.css';

/** The remembered sign-ins and their Forget buttons; `publishing` is true while a publish runs. */
export function SavedSignIns({ publishing }: { publishing: boolean }) {
  const controller = useController();
  const id = useId();
  const [signIns, setSignIns] = useState<SavedSignIn[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const refresh = useCallback(() => {
    void controller.loadSignIns().then(setSignIns);
  }, [controller]);

  useEffect(() => {
    if (!publishing) refresh();
  }, [publishing, refresh]);

  const forget = async (host: string) => {
    try {
      await controller.forgetSignIn(host);
      setProblem(null);
    } catch (error) {
      setProblem(toAppError(error).message);
    }
    refresh();
  };

  if (signIns.length === 0 && problem === null) return null;
  return (
    <section className="sign-ins" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="sign-ins__title">
        Signed in
      </h3>
      <ul className="sign-ins__list">
        {signIns.map((signIn) => (
          <li key={signIn.host} className="sign-ins__item">
            <span className="sign-ins__who">
              {signIn.username} on {signIn.host}{' '}
              <span className="sign-ins__where">
                {signIn.remembered ? '(remembered on this computer)' : '(until Masthead quits)'}
              </span>
            </span>
            <button type="button" className="button button--small" onClick={() => void forget(signIn.host)}>
              Forget credentials for {signIn.host}
            </button>
          </li>
        ))}
      </ul>
      {problem && (
        <p className="credentials__problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
