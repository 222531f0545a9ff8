import type { ExpressionPreview, ExpressionPreviewRequest } from '../../shared/dto/expression-preview.dto.js';
import type { ChangeKind } from '../storage/change-bus.js';
import type { AbortReason } from '../engine/run-aborted.error.js';
import type { MessageCounts, RunMessage } from '../engine/run-log.js';
import type { RunTraceJson } from '../engine/run-trace.js';
import type { SentAnswer } from './run-answer.js';
import type { RunJob } from './run-job.js';

/** What the front sends a run worker: one message per run, stops, and what changed in the workspace. */
export type ToWorker =
  | { type: 'run'; job: RunJob }
  | { type: 'stop'; processId: string; reason: AbortReason }
  | { type: 'changed'; kind: ChangeKind }
  | { type: 'preview'; id: number; request: ExpressionPreviewRequest };

/** What a run worker sends the front: ready once, console messages in batches while runs go on, one `done` per run. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'log'; runs: { processId: string; messages: RunMessage[] }[] }
  | { type: 'previewed'; id: number; preview: ExpressionPreview }
  | { type: 'done'; processId: string; messages: RunMessage[]; answer: SentAnswer; counts: MessageCounts; credentials: string[]; trace?: RunTraceJson };
