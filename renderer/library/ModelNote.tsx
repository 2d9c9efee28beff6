/**
 * A quiet line under the repository name saying where the fields come from — the site's Decap or
 * Front Matter CMS config, its Astro content config, or inferred from the posts — and, when the config has problems, what
 * they are and where (file and line), one click away.
 */
import { useWorkspace } from '../app/WorkspaceContext';

/** Shows the content model's source and its config problems. */
export function ModelNote() {
  const model = useWorkspace((state) => state.model);
  if (!model) return null;
  const source =
    model.source === 'decap'
      ? `Fields from Decap CMS config ${model.configPath ?? ''}`
      : model.source === 'frontmatter-cms'
        ? `Fields from Front Matter CMS config ${model.configPath ?? ''}`
        : model.source === 'astro'
          ? `Fields from Astro content config ${model.configPath ?? ''}`
          : 'Fields inferred from your posts';
  const errors = model.problems.filter((problem) => problem.severity === 'error').length;
  return (
    <div className="library__model">
      <p className="library__model-source" title={source}>
        {source}
      </p>
      {model.problems.length > 0 && (
        <details className="library__problems">
          <summary>
            {errors > 0
              ? `${errors} ${errors === 1 ? 'problem' : 'problems'} in the config`
              : `${model.problems.length} config ${model.problems.length === 1 ? 'warning' : 'warnings'}`}
          </summary>
          <ul aria-label="Config problems">
            {model.problems.map((problem, index) => (
              <li key={index} data-severity={problem.severity}>
                <code>
                  {problem.file}
                  {problem.line === undefined ? '' : `:${problem.line}`}
                </code>{' '}
                {problem.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
