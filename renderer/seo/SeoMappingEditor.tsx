/**
 * "Which fields feed the previews": per SEO role, the front-matter key it reads for this
 * collection, or "Automatic" (the usual keys: `seo.title`, `description`, `image`…). Saved in the
 * app's settings for this repository, so the writer's choice holds for every post of the collection.
 */
import { useId, useMemo, useState } from 'react';
import type { FrontMatterData, JsonValue } from '../../shared/api';
import { toAppError } from '../../shared/errors';
import {
  SEO_ROLES,
  type ResolvedRole,
  type SeoFieldMapping,
  type SeoRole,
  type SeoRoles,
} from '../../shared/seo/types';
import { ROLE_NAMES } from './role-names';
import { useController, useWorkspace } from '../app/WorkspaceContext';

const AUTOMATIC = '';

/** Edits the mapping of the open post's collection. */
export function SeoMappingEditor({ roles }: { roles: SeoRoles }) {
  const controller = useController();
  const post = useWorkspace((state) => state.post);
  const context = useWorkspace((state) => state.seoContext);
  const collections = useWorkspace((state) => state.repo.collections);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const keys = useMemo(() => (post ? keyPaths(post.frontMatter) : []), [post]);
  if (!post || !context) return null;
  const mapping = context.mapping;
  const collectionId = post.doc.collection;
  const collectionLabel = collections.find((item) => item.id === collectionId)?.label ?? null;

  const change = async (role: SeoRole, key: string) => {
    const next: SeoFieldMapping = { ...mapping };
    if (key === AUTOMATIC) delete next[role];
    else next[role] = key;
    setError(null);
    try {
      await controller.setSeoMapping(next);
    } catch (failure) {
      setError(toAppError(failure).message);
    }
  };

  return (
    <details className="seo-mapping">
      <summary>Which fields feed the previews</summary>
      <p className="seo-mapping__hint">
        For every post in {collectionLabel ? `“${collectionLabel}”` : 'this folder'}. “Automatic” reads the usual fields
        and falls back as sites do.
      </p>
      <div className="seo-mapping__grid">
        {SEO_ROLES.map((role) => {
          const pinned = mapping[role];
          const options = pinned && !keys.includes(pinned) ? [pinned, ...keys] : keys;
          return (
            <div className="seo-mapping__row" key={role}>
              <label htmlFor={`${id}-${role}`}>{ROLE_NAMES[role]}</label>
              <select
                id={`${id}-${role}`}
                className="input"
                value={pinned ?? AUTOMATIC}
                onChange={(event) => void change(role, event.target.value)}
              >
                <option value={AUTOMATIC}>Automatic{automaticSource(roles[role])}</option>
                {options.map((key) => (
                  <option key={key} value={key}>
                    {key}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      {error && (
        <p className="seo-mapping__error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}

function automaticSource(resolved: ResolvedRole | null): string {
  if (!resolved) return ' (nothing found)';
  return resolved.source === 'fallback' ? ` (fallback: ${resolved.from})` : ` (${resolved.from})`;
}

/** Every dotted key path of text-like values in the front matter (`seo.title`, `cover.src`). */
export function keyPaths(data: FrontMatterData, prefix = '', depth = 0): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (isMapping(value) && depth < 3) paths.push(...keyPaths(value, path, depth + 1));
    else if (typeof value === 'string' || typeof value === 'number' || value === null || isMapping(value))
      paths.push(path);
    else if (Array.isArray(value) && value.length > 0 && typeof value[0] === 'string') paths.push(`${path}.0`);
  }
  return paths;
}

function isMapping(value: JsonValue): value is FrontMatterData {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
