/**
 * The checks list: errors first, then warnings, then passes, each with the numbers behind it.
 */
import { memo, useId } from 'react';
import type { SeoCheck } from '../../shared/seo/types';

const ORDER: Record<SeoCheck['severity'], number> = { error: 0, warning: 1, pass: 2 };
const LABEL: Record<SeoCheck['severity'], string> = { error: 'Error', warning: 'Warning', pass: 'Pass' };
// Shape as well as colour tells the severity apart (WCAG 1.4.1).
const ICON: Record<SeoCheck['severity'], string> = { error: '✕', warning: '!', pass: '✓' };

/** Human names for figure keys; unknown keys are shown as written. */
const FIGURE_LABELS: Record<string, string> = {
  characters: 'characters',
  maxCharacters: 'max',
  minCharacters: 'min',
  widthPx: 'width (px)',
  maxWidthPx: 'max (px)',
  width: 'width',
  height: 'height',
  minWidth: 'min width',
  minHeight: 'min height',
  maxSide: 'max side',
  bytes: 'bytes',
  maxBytes: 'max bytes',
  words: 'words',
  readingMinutes: 'minutes',
  wordsPerMinute: 'words/min',
};

/** Lists `checks` with a summary of how many of each severity there are. */
export const SeoChecks = memo(function SeoChecks({ checks }: { checks: readonly SeoCheck[] }) {
  const headingId = useId();
  const sorted = [...checks].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const count = (severity: SeoCheck['severity']) => checks.filter((check) => check.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  return (
    <section className="seo-checks" aria-labelledby={headingId}>
      <h3 id={headingId} className="seo-section-title">
        Checks
      </h3>
      <p className="seo-checks__summary" role="status">
        {errors} {errors === 1 ? 'error' : 'errors'}, {warnings} {warnings === 1 ? 'warning' : 'warnings'},{' '}
        {count('pass')} passed
        {errors > 0 ? ' — errors block publishing.' : '.'}
      </p>
      <ul className="seo-checks__list" role="list" aria-label="SEO checks">
        {sorted.map((check) => (
          <li key={check.id} role="listitem" className={`seo-check seo-check--${check.severity}`} data-check={check.id}>
            <span className="seo-check__icon" aria-hidden="true">
              {ICON[check.severity]}
            </span>
            <div className="seo-check__body">
              <span className="seo-check__title">
                <span className="seo-check__severity">{LABEL[check.severity]}: </span>
                {check.title}
              </span>
              <span className="seo-check__message">{check.message}</span>
              {check.figures && <Figures figures={check.figures} />}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
});

function Figures({ figures }: { figures: Record<string, number | string> }) {
  const entries = Object.entries(figures).filter(([key]) => key !== 'from');
  if (entries.length === 0) return null;
  return (
    <dl className="seo-check__figures">
      {entries.map(([key, value]) => (
        <div key={key} className="seo-check__figure">
          <dt>{FIGURE_LABELS[key] ?? key}</dt>
          <dd>{typeof value === 'number' ? value.toLocaleString('en-US') : value}</dd>
        </div>
      ))}
    </dl>
  );
}
