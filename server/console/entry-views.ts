import type { ConsoleEntryDetail, ConsoleEntrySummary, ConsoleMessage } from '../../shared/dto/console.dto.js';
import type { ConsoleEntryRecord, StoredMessage } from '../storage/console.store.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** An entry as the list and the live stream show it. */
export function entrySummary(record: ConsoleEntryRecord): ConsoleEntrySummary {
  return {
    id: record.id,
    processId: record.processId,
    application: record.application,
    actionflow: record.actionflow,
    mode: record.mode,
    user: record.user,
    startedAt: iso(record.startedAt),
    durationMs: record.durationMs,
    status: record.status,
    request: { ...record.request },
    reply: record.reply && { ...record.reply },
    reason: record.reason,
    counts: { ...record.counts },
  };
}

/** An entry with its messages (already masked and capped). */
export function entryDetail(record: ConsoleEntryRecord, messages: readonly StoredMessage[]): ConsoleEntryDetail {
  return { ...entrySummary(record), messages: messages.map(messageView), droppedMessages: record.droppedMessages };
}

function messageView(message: StoredMessage): ConsoleMessage {
  return { ...message, at: iso(message.at) };
}
