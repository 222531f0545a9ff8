import type { ExpressionPreview, ExpressionPreviewRequest } from '../../shared/dto/expression-preview.dto.js';
import { noSecrets } from '../security/secret-resolver.js';
import { expressionCompiler, type ExpressionLimits } from './expressions/expression-compiler.js';
import type { ExpressionContext } from './expressions/expression-context.js';
import type { DataRecord } from './record.js';
import { loggedBody, MemoryRunLog } from './run-log.js';
import { RunAbort } from './run-aborted.error.js';
import { DEFAULT_RUN_BUDGETS } from './run-budgets.js';

/** Evaluates an expression for the designer's preview; where it runs (this process, a run worker) is the caller's choice. */
export type ExpressionPreviewer = (request: ExpressionPreviewRequest) => Promise<ExpressionPreview>;

/** Secret values are write-only: an expression that names `_datasource` is not previewed. */
const READS_DATASOURCE = /_datasource/;

/**
 * The value of `expression` with `record` as its input and `$in`, bounded like any run's
 * evaluation (`limits`); `$debug` and `$warning` write nowhere. Never throws.
 */
export async function previewExpression({ expression, record }: ExpressionPreviewRequest, limits: ExpressionLimits): Promise<ExpressionPreview> {
  if (READS_DATASOURCE.test(expression))
    return { kind: 'refused', message: 'an expression that reads _datasource is not previewed: secret values stay write-only' };
  const input = (record !== null && typeof record === 'object' && !Array.isArray(record) ? record : {}) as DataRecord;
  const context: ExpressionContext = {
    node: 'preview',
    log: new MemoryRunLog(),
    signal: new RunAbort(),
    maxValueBytes: DEFAULT_RUN_BUDGETS.maxValueBytes,
    pause: () => undefined,
    noteSecret: () => undefined,
    mask: (value) => value,
  };
  try {
    const value = await expressionCompiler(limits, noSecrets)(expression, 'the expression').evaluate(input, input, context);
    if (value === undefined) return { kind: 'nothing' };
    const { body, truncated } = loggedBody(JSON.stringify(value, null, 2) ?? 'null');
    return { kind: 'value', json: body, truncated };
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Previews in this process, with the bounds the settings give every run. */
export function localPreviewer(limits: () => ExpressionLimits): ExpressionPreviewer {
  return (request) => previewExpression(request, limits());
}
