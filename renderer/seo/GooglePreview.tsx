/**
 * Google results, desktop and mobile: favicon, site name, breadcrumb URL, title cut by pixel width
 * in Arial metrics, description with its date prefix.
 */
import { memo, useMemo } from 'react';
import { desktopTitle, mobileTitle, snippetDescription } from '../../shared/seo/truncate';
import type { MeasureText } from '../../shared/seo/types';
import { PreviewFigure } from './PreviewFigure';

/** What a Google result shows; all primitives so memo() skips results that didn't change. */
export interface GooglePreviewProps {
  device: 'desktop' | 'mobile';
  title: string;
  description: string;
  date: string | null;
  siteName: string;
  breadcrumb: string;
  measure: MeasureText;
}

/** One Google result. */
export const GooglePreview = memo(function GooglePreview({
  device,
  title,
  description,
  date,
  siteName,
  breadcrumb,
  measure,
}: GooglePreviewProps) {
  const titleLines = useMemo(
    () => (device === 'desktop' ? [desktopTitle(title, measure).text] : mobileTitle(title, measure).lines),
    [device, title, measure],
  );
  const snippet = useMemo(
    () => snippetDescription(description, date, device, measure),
    [description, date, device, measure],
  );
  const name = device === 'desktop' ? 'Google result (desktop)' : 'Google result (mobile)';
  return (
    <PreviewFigure name={name} wide={device === 'desktop'}>
      <div className={`seo-google seo-google--${device}`}>
        <div className="seo-google__site">
          <span className="seo-google__favicon" aria-hidden="true">
            {(siteName.trim()[0] ?? '?').toUpperCase()}
          </span>
          <span className="seo-google__source">
            <span className="seo-google__name">{siteName || 'Site name'}</span>
            <span className="seo-google__url">{breadcrumb}</span>
          </span>
        </div>
        <div className="seo-google__title">
          {titleLines.map((line, index) => (
            <span key={index} className="seo-google__title-line">
              {line}
            </span>
          ))}
        </div>
        <p className="seo-google__description">
          {snippet.prefix !== '' && <span className="seo-google__date">{snippet.prefix}</span>}
          {snippet.text}
        </p>
      </div>
    </PreviewFigure>
  );
});
