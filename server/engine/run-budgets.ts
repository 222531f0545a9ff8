/** Per-run limits (settings `maxRunRecords`, `maxValueBytes`), so that one run cannot exhaust its worker (DESIGN §10). */
export interface RunBudgets {
  /** Records held at once in the run's inboxes and outputs. */
  maxRecords: number;
  /** The size of any one value a built-in returns: a character of a string, or an element of an array or a key of an object, counts 1 byte and 8 bytes. */
  maxValueBytes: number;
}

/** The budgets a run gets when its settings say nothing else. */
export const DEFAULT_RUN_BUDGETS: RunBudgets = { maxRecords: 100_000, maxValueBytes: 16 * 1024 * 1024 };

/** Thrown when a run goes over one of its budgets: the whole run fails, with a message naming the budget and its setting. */
export class RunBudgetExceeded extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunBudgetExceeded';
  }
}

/** Fails the run over its records budget. */
export function tooManyRecords(budgets: RunBudgets): RunBudgetExceeded {
  return new RunBudgetExceeded(`the run holds more than ${budgets.maxRecords} records at once (the maxRunRecords setting)`);
}

/** The estimated size of a value a built-in returned, when it is a string, an array or an object; 0 for anything else. */
export function valueBytes(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.length * 8;
  return 0;
}

/** Fails the run when `bytes` is over its value budget. */
export function checkValueBytes(bytes: number, maxValueBytes: number): void {
  if (bytes > maxValueBytes) {
    throw new RunBudgetExceeded(`an expression built a value of about ${bytes} bytes, more than ${maxValueBytes} (the maxValueBytes setting)`);
  }
}
