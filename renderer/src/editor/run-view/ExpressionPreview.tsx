import { useEffect, useState } from 'react';
import type { ExpressionPreview as Preview } from '../../../../shared/dto/expression-preview.dto.js';
import { errorMessage } from '../../api/api-error.js';
import { useStudioStore } from '../../state/studio-store.js';

/** Waits this long after the last keystroke before asking the server. */
const TYPING_PAUSE_MS = 250;

/** Under an expression field while a run is shown: the expression's value on the node's first record, evaluated on the server as you type. */
export function ExpressionPreview({ expression, record }: { expression: string; record: unknown }) {
  const client = useStudioStore((state) => state.client);
  const [preview, setPreview] = useState<Preview | { kind: 'failed'; message: string } | null>(null);
  useEffect(() => {
    if (!client || expression.trim() === '') {
      setPreview(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      client.previewExpression({ expression, record }).then(
        (answer) => current && setPreview(answer),
        (error: unknown) => current && setPreview({ kind: 'failed', message: errorMessage(error) }),
      );
    }, TYPING_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, expression, record]);

  if (!preview) return null;
  return (
    <div className={`expression-preview is-${preview.kind}`} data-testid="expression-preview" aria-live="polite">
      <span className="expression-preview-label">On the run’s first record:</span>
      {preview.kind === 'value' ? (
        <code className="expression-preview-value" tabIndex={0}>
          {preview.json}
          {preview.truncated ? '…' : ''}
        </code>
      ) : (
        <span className="expression-preview-value">{preview.kind === 'nothing' ? 'nothing (no value)' : preview.message}</span>
      )}
    </div>
  );
}
