import { AlertCircle, AlertTriangle, CheckCircle2 } from 'lucide-react';
import type { Problem } from '../../../../shared/problem.js';
import { UNCHECKED } from '../flow-checks.js';
import { useFlowEditor } from '../flow-store-context.js';

/** How many problems and warnings the open flow has. */
export function useProblemCount(): number | null {
  return useFlowEditor((state) => state.problems.all.length + state.problems.warnings.length) || null;
}

/** Every problem of the open flow, then every warning; choosing one selects its node. */
export function ProblemsTab() {
  const { checked, problems, warnings, nodes, selectOnly } = useFlowEditor((state) => ({
    checked: state.problems !== UNCHECKED,
    problems: state.problems.all,
    warnings: state.problems.warnings,
    nodes: state.nodes,
    selectOnly: state.selectOnly,
  }));
  if (!checked) return <p className="problems-empty">Checking the flow…</p>;
  if (problems.length === 0 && warnings.length === 0) {
    return (
      <p className="problems-empty">
        <CheckCircle2 size={16} aria-hidden="true" /> No problems and no warnings: this flow can be saved.
      </p>
    );
  }
  const row = (problem: Problem, tone: 'problem' | 'warning') => {
    const node = nodes.find((candidate) => candidate.id === problem.nodeId);
    const Icon = tone === 'problem' ? AlertCircle : AlertTriangle;
    return (
      <li key={`${tone}:${problem.path}:${problem.message}`} data-tone={tone}>
        <button type="button" className={`problem-row is-${tone}`} onClick={() => node && selectOnly(node.id)} disabled={!node}>
          <Icon size={14} aria-label={tone === 'problem' ? 'Problem' : 'Warning'} className={`${tone}-icon`} />
          <span className="problem-where">{node ? node.data.name : problem.path}</span>
          <span className="problem-message">{problem.message}</span>
        </button>
      </li>
    );
  };
  return (
    <ul className="problems-list" aria-label="Problems">
      {problems.map((problem) => row(problem, 'problem'))}
      {warnings.map((warning) => row(warning, 'warning'))}
    </ul>
  );
}
