import { AlertCircle, CheckCircle2 } from 'lucide-react';
import { useFlowEditor } from '../flow-store-context.js';

/** How many problems the open flow has. */
export function useProblemCount(): number | null {
  return useFlowEditor((state) => state.problems.all.length) || null;
}

/** Every problem of the open flow; choosing one selects its node. */
export function ProblemsTab() {
  const { problems, nodes, selectOnly } = useFlowEditor((state) => ({ problems: state.problems.all, nodes: state.nodes, selectOnly: state.selectOnly }));
  if (problems.length === 0) {
    return (
      <p className="problems-empty">
        <CheckCircle2 size={16} aria-hidden="true" /> No problems: this flow can be saved.
      </p>
    );
  }
  return (
    <ul className="problems-list" aria-label="Problems">
      {problems.map((problem) => {
        const node = nodes.find((candidate) => candidate.id === problem.nodeId);
        return (
          <li key={`${problem.path}:${problem.message}`}>
            <button type="button" className="problem-row" onClick={() => node && selectOnly(node.id)} disabled={!node}>
              <AlertCircle size={14} aria-hidden="true" className="problem-icon" />
              <span className="problem-where">{node ? node.data.name : problem.path}</span>
              <span className="problem-message">{problem.message}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
