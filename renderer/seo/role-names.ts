/** The SEO roles' names as the writer reads them, shared by the previews and the mapping editor. */
import type { SeoRole } from '../../shared/seo/types';

/** Names of the roles as the writer reads them. */
export const ROLE_NAMES: Record<SeoRole, string> = {
  title: 'Title',
  description: 'Description',
  canonicalUrl: 'Canonical URL',
  image: 'Image',
  imageAlt: 'Image alt text',
  author: 'Author',
  date: 'Date',
  siteName: 'Site name',
  twitterHandle: 'X handle',
};
