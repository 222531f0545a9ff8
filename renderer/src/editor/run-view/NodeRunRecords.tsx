import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useState } from 'react';
import type { NodeTrace } from '../../../../shared/dto/run-trace.dto.js';
import { IconButton } from '../../ui/Button.js';
import { JsonEditor } from '../../ui/code-editors.js';
import { useNodeRun } from './use-run-on-canvas.js';

type Side = 'input' | 'output';

/** The shown run's records at a node: what it took and what it sent, one record a page, with its error. */
export function NodeRunRecords({ nodeId }: { nodeId: string }) {
  const run = useNodeRun(nodeId);
  const [side, setSide] = useState<Side>('input');
  const [page, setPage] = useState(0);
  if (run === undefined) return null;
  if (run === null) {
    return (
      <section className="node-run" aria-label="This node in the run" data-testid="node-run">
        <h3 className="node-run-title">In the run</h3>
        <p className="field-description">No record reached this node.</p>
      </section>
    );
  }
  const records = recordsOf(run, side);
  const shown = Math.min(page, Math.max(0, records.length - 1));
  const current = records[shown];
  const choose = (next: Side) => {
    setSide(next);
    setPage(0);
  };
  return (
    <section className="node-run" aria-label="This node in the run" data-testid="node-run">
      <h3 className="node-run-title">In the run</h3>
      {run.error && (
        <p className="node-run-error" role="alert">
          {run.errorCount} record{run.errorCount > 1 ? 's' : ''} failed here: {run.error}
        </p>
      )}
      <div className="node-run-sides" role="group" aria-label="Records">
        <button type="button" className="node-run-side" aria-pressed={side === 'input'} onClick={() => choose('input')}>
          Input <span className="count-badge">{run.inputCount}</span>
        </button>
        <button type="button" className="node-run-side" aria-pressed={side === 'output'} onClick={() => choose('output')}>
          Output <span className="count-badge">{run.outputCount}</span>
        </button>
      </div>
      {current ? (
        <>
          <div className="node-run-pager">
            <IconButton label="Previous record" icon={<ChevronLeft size={14} />} isDisabled={shown === 0} onPress={() => setPage(shown - 1)} />
            <span className="node-run-position" data-testid="node-run-position">
              Record {shown + 1} of {records.length}
              {records.length < (side === 'input' ? run.inputCount : run.outputCount)
                ? ` kept (${side === 'input' ? run.inputCount : run.outputCount} in all)`
                : ''}
              {current.point ? `, sent by ${current.point}` : ''}
            </span>
            <IconButton label="Next record" icon={<ChevronRight size={14} />} isDisabled={shown >= records.length - 1} onPress={() => setPage(shown + 1)} />
          </div>
          <JsonEditor
            label={`${side === 'input' ? 'Input' : 'Output'} record ${shown + 1}`}
            value={JSON.stringify(current.record, null, 2)}
            readOnly
            className="node-run-json"
            testId="node-run-record"
          />
        </>
      ) : (
        <p className="field-description">{side === 'input' ? 'It took no record.' : 'It sent no record on.'}</p>
      )}
    </section>
  );
}

function recordsOf(run: NodeTrace, side: Side): { record: unknown; point?: string }[] {
  return side === 'input' ? run.input.map((record) => ({ record })) : run.output;
}
