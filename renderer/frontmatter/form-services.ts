/**
 * What the schema form asks of the app around it: relation choices and media URLs. Injected, so the
 * form never reaches for the back end itself and tests hand it plain functions.
 */
import type { RelationOption, SchemaField } from '../../shared/content/schema/types';

/** The app's services the form uses. */
export interface FormServices {
  /** Entries of the related collection matching `query` (all of them, up to a limit, for ''). */
  relationOptions(field: Extract<SchemaField, { widget: 'relation' }>, query: string): Promise<RelationOption[]>;
  /** A URL the renderer can load for a media path as written in the post. */
  mediaUrl(src: string): string;
  /**
   * Copies a picked image into the site's media folder (the field's own folders first) and resolves
   * with the path to write and a warning when the image is large. Absent where nothing can be copied.
   */
  importImage?(
    file: File,
    field: Extract<SchemaField, { widget: 'image' | 'file' }>,
  ): Promise<{ src: string; warning: string | null }>;
}

/** Services for a form with nothing to look up: no relation choices, media paths used as they are. */
export const emptyFormServices: FormServices = {
  relationOptions: () => Promise.resolve([]),
  mediaUrl: (src) => src,
};
