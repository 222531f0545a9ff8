/** A run's status, as poll and the console report it: `Running`, then how it ended (DESIGN §5). */
export const RUN_STATUSES = ['Running', 'Success', 'Fail', 'Aborted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** How a run ended: every status but `Running`. */
export type EndedRunStatus = Exclude<RunStatus, 'Running'>;
