/**
 * Link previews as X, Facebook/LinkedIn and Slack draw them. These platforms clamp by lines, not
 * pixels, so CSS line-clamp stands in for their truncation.
 */
import { memo } from 'react';
import { PreviewFigure } from './PreviewFigure';
import { PreviewImage } from './PreviewImage';

/** What every card shows; primitives so memo() skips cards that didn't change. */
export interface CardProps {
  title: string;
  description: string;
  domain: string;
  siteName: string;
  handle: string | null;
  imageUrl: string | null;
  imageAlt: string;
}

/** X `summary_large_image` (2:1 image) or `summary` (square thumbnail). */
export const XCard = memo(function XCard({ kind, ...card }: CardProps & { kind: 'large' | 'summary' }) {
  return (
    <PreviewFigure name={kind === 'large' ? 'X card (large image)' : 'X card (summary)'}>
      <div className="seo-x__post">
        <span className="seo-x__author">{card.handle ?? '@account'}</span>
      </div>
      <div className={`seo-x seo-x--${kind}`}>
        <PreviewImage
          url={card.imageUrl}
          alt={card.imageAlt}
          className={kind === 'large' ? 'seo-x__image' : 'seo-x__thumb'}
        />
        <div className="seo-x__text">
          <span className="seo-x__domain">{card.domain}</span>
          <span className="seo-x__title">{card.title}</span>
          <span className="seo-x__description">{card.description}</span>
        </div>
      </div>
    </PreviewFigure>
  );
});

/** The Open Graph card Facebook and LinkedIn show (1.91:1 image, domain, title, description). */
export const OpenGraphCard = memo(function OpenGraphCard(card: CardProps) {
  return (
    <PreviewFigure name="Facebook / LinkedIn card">
      <div className="seo-og">
        <PreviewImage url={card.imageUrl} alt={card.imageAlt} className="seo-og__image" />
        <div className="seo-og__text">
          <span className="seo-og__domain">{card.domain}</span>
          <span className="seo-og__title">{card.title}</span>
          <span className="seo-og__description">{card.description}</span>
        </div>
      </div>
    </PreviewFigure>
  );
});

/** A Slack unfurl: accent bar, site name, linked title, description, image. */
export const SlackUnfurl = memo(function SlackUnfurl(card: CardProps) {
  return (
    <PreviewFigure name="Slack unfurl">
      <div className="seo-slack">
        <span className="seo-slack__site">{card.siteName || card.domain}</span>
        <span className="seo-slack__title">{card.title}</span>
        <span className="seo-slack__description">{card.description}</span>
        <PreviewImage url={card.imageUrl} alt={card.imageAlt} className="seo-slack__image" />
      </div>
    </PreviewFigure>
  );
});
