import type { ImportChange, ImportSummary } from '../../../shared/dto/workspace.dto.js';
import type { Problem } from '../../../shared/problem.js';

const ORDER: ImportChange['action'][] = ['created', 'replaced', 'renamed', 'merged', 'skipped'];
const HEADINGS: Record<ImportChange['action'], [preview: string, done: string]> = {
  created: ['To create', 'Created'],
  replaced: ['To replace', 'Replaced'],
  renamed: ['To import under a new name', 'Imported under a new name'],
  merged: ['To merge by name (their items are listed above)', 'Merged by name'],
  skipped: ['To skip (kept as they are)', 'Skipped (kept as they were)'],
};

function where(change: ImportChange): string {
  return change.application && change.kind !== 'application' ? ` in ${change.application}` : '';
}

/** What an import changes (or, in a preview, would change), grouped by what happens to each item. */
export function ImportChanges({ summary }: { summary: ImportSummary }) {
  if (summary.changes.length === 0) return <p>The file holds nothing to import.</p>;
  const groups = ORDER.map((action) => [action, summary.changes.filter((change) => change.action === action)] as const).filter(
    ([, changes]) => changes.length > 0,
  );
  return (
    <div className="import-changes" data-testid={summary.dryRun ? 'import-preview' : 'import-summary'}>
      {groups.map(([action, changes]) => (
        <section key={action} className={`import-group is-${action}`} aria-label={HEADINGS[action][summary.dryRun ? 0 : 1]}>
          <h3 className="import-group-title">
            {HEADINGS[action][summary.dryRun ? 0 : 1]} <span className="count">{changes.length}</span>
          </h3>
          <ul className="import-list">
            {changes.map((change) => (
              <li key={`${change.kind}\u0000${change.application ?? ''}\u0000${change.name}`}>
                <span className="import-kind">{change.kind}</span> “{change.name}”{where(change)}
                {change.newName && <> → “{change.newName}”</>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** The validator's problems with a file, each at its JSON path. */
export function ImportProblems({ problems }: { problems: readonly Problem[] }) {
  return (
    <ul className="import-problems" data-testid="import-problems">
      {problems.map((problem, index) => (
        <li key={index}>
          <code className="import-problem-path">{problem.path}</code>
          <span>{problem.message}</span>
        </li>
      ))}
    </ul>
  );
}
