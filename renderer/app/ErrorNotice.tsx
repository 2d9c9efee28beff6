/**
 * An error told in plain words, with the raw detail (git output, exception text) one click away
 * behind a "Show details" disclosure. Announced as an alert when it appears.
 */
import { useId, useState, type ReactNode } from 'react';
import type { AppError } from '../../shared/errors';
import { Icon } from './icons';

/** Shows an AppError's message, optional actions, and its detail on request. */
export function ErrorNotice({ error, title, actions }: { error: AppError; title?: string; actions?: ReactNode }) {
  const [showDetail, setShowDetail] = useState(false);
  const detailId = useId();
  return (
    <div className="error-notice" role="alert">
      {title && <p className="error-notice__title">{title}</p>}
      <p className="error-notice__message">{error.message}</p>
      {(error.detail || actions) && (
        <div className="error-notice__actions">
          {error.detail && (
            <button
              type="button"
              className="button button--small"
              aria-expanded={showDetail}
              aria-controls={detailId}
              onClick={() => setShowDetail((value) => !value)}
            >
              {/* The name stays "Show details"; aria-expanded tells whether they are showing. */}
              <Icon name={showDetail ? 'up' : 'down'} />
              Show details
            </button>
          )}
          {actions}
        </div>
      )}
      {error.detail && (
        <pre id={detailId} className="error-notice__detail" hidden={!showDetail}>
          {error.detail}
        </pre>
      )}
    </div>
  );
}
