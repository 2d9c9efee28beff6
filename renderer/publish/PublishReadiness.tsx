/**
 * "Before publishing": a summary of what the checks say about the open post — its fields and its
 * SEO — with the way to each, so the writer sees what would hold the publish back before pressing
 * the button. Rendered only while the Publish tab shows (the checks are not free on a long post).
 */
import { useMemo } from 'react';
import type { SchemaField } from '../../shared/content/schema/types';
import { runSeoChecks } from '../../shared/seo/checks';
import { buildSeoInput, siteOf } from '../../shared/seo/input';
import { useDispatch, useWorkspace } from '../app/WorkspaceContext';
import { entryFields, entryIssues } from '../app/entry-schema';
import type { InspectorTab, OpenPost } from '../app/workspace-state';
import { useBodyFacts } from '../seo/use-body-facts';
import { useBodySnapshot } from '../seo/use-body-snapshot';

/** The summary for the open post. */
export function PublishReadiness({ post }: { post: OpenPost }) {
  const model = useWorkspace((state) => state.model);
  const { doc, frontMatter } = post;
  const fields = useMemo(() => entryFields(model, doc.collection, doc.frontMatter, doc.path), [model, doc]);
  const issues = useMemo(() => entryIssues(fields, frontMatter), [fields, frontMatter]);
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return (
    <section className="readiness" aria-label="Before publishing">
      <h3 className="readiness__title">Before publishing</h3>
      <ul className="readiness__list">
        <Line
          ok={errors === 0}
          text={
            errors === 0
              ? `Fields: ${warningsText(issues.length - errors, 'all valid')}`
              : `Fields: ${count(errors, 'error')} — publishing is refused until fixed`
          }
          tab="fields"
          action="Show fields"
        />
        {doc.kind === 'post' && <SeoLine post={post} fields={fields} />}
      </ul>
    </section>
  );
}

function SeoLine({ post, fields }: { post: OpenPost; fields: SchemaField[] }) {
  const context = useWorkspace((state) => state.seoContext);
  const image = useWorkspace((state) => state.seoImage);
  const body = useBodySnapshot(post.doc.body);
  const facts = useBodyFacts({ body });
  const site = useMemo(() => siteOf(context, post.doc.path), [context, post.doc.path]);
  const checks = useMemo(() => {
    const input = buildSeoInput({
      path: post.doc.path,
      frontMatter: post.frontMatter,
      body,
      bodyFacts: facts,
      context,
      image: undefined,
      site,
      fields,
    });
    if (image && image.src === input.roles.image?.value) input.image = image.info;
    return runSeoChecks(input);
  }, [post.doc.path, post.frontMatter, body, facts, context, image, site, fields]);
  const errors = checks.filter((check) => check.severity === 'error').length;
  const warnings = checks.filter((check) => check.severity === 'warning').length;
  const text =
    errors === 0
      ? `SEO: ${warningsText(warnings, 'all checks pass')}`
      : `SEO: ${count(errors, 'error')}${warnings ? `, ${count(warnings, 'warning')}` : ''} — you will be asked to confirm`;
  return <Line ok={errors === 0} text={text} tab="seo" action="Show SEO checks" />;
}

function Line({ ok, text, tab, action }: { ok: boolean; text: string; tab: InspectorTab; action: string }) {
  const dispatch = useDispatch();
  return (
    <li className="readiness__item" data-state={ok ? 'ok' : 'problem'}>
      {/* Shape as well as colour: a tick or a cross. */}
      <span className="readiness__icon" aria-hidden="true">
        {ok ? '✓' : '✕'}
      </span>
      <span className="readiness__text">{text}</span>
      <button type="button" className="button button--link" onClick={() => dispatch({ type: 'tab', tab })}>
        {action}
      </button>
    </li>
  );
}

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const warningsText = (warnings: number, clean: string): string =>
  warnings === 0 ? clean : `no errors, ${count(warnings, 'warning')}`;
