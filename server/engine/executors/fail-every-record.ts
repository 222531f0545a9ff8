import { RecordFailure } from '../record-failure.error.js';
import type { NodeProcessor } from './node-executor.js';

/** The processor of a node that cannot work as configured (a missing table, say): each record fails with why. */
export function failEveryRecord(message: string): NodeProcessor {
  return { each: () => Promise.reject(new RecordFailure(message)) };
}
