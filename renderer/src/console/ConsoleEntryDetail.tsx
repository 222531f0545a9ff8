import { Download, Repeat, Square } from 'lucide-react';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ConsoleEntryDetail as Detail } from '../../../shared/dto/console.dto.js';
import { useStudioStore } from '../state/studio-store.js';
import { formatBytes, formatDuration } from '../try-it/reply-format.js';
import { Button } from '../ui/Button.js';
import { downloadFile } from '../ui/download-file.js';
import { notify } from '../ui/notifications.js';
import { entryTone } from './console-entries.js';
import { EntryCounts } from './ConsoleEntryList.js';
import { ConsoleMessageRow } from './ConsoleMessageRow.js';
import { fullTime } from './entry-format.js';

/** How often a running entry is read again, for the messages its run writes meanwhile. */
const RUNNING_REFRESH_MS = 1500;

function EntryActions({ entry }: { entry: Detail }) {
  const { stop, resend } = useStudioStore(useShallow((state) => ({ stop: state.stopConsoleEntry, resend: state.resendConsoleEntry })));
  const canResend = entry.messages.some((message) => message.kind === 'Request');
  return (
    <div className="entry-actions">
      {entry.status === 'Running' && (
        <Button
          size="sm"
          variant="danger"
          icon={<Square size={13} />}
          onPress={() =>
            void stop(entry.id).then((problem) => {
              if (problem) notify({ tone: 'error', title: 'Could not stop the run', description: problem });
            })
          }
        >
          Stop
        </Button>
      )}
      <Button
        size="sm"
        icon={<Repeat size={14} />}
        isDisabled={!canResend}
        onPress={() => {
          const { truncated } = resend(entry);
          if (truncated)
            notify({
              tone: 'warning',
              title: 'The body was cut by the console',
              description: 'The console keeps 64 KiB of a body: what Try it resends is that part only.',
            });
        }}
      >
        Resend
      </Button>
      <Button
        size="sm"
        icon={<Download size={14} />}
        onPress={() => downloadFile(`console-entry-${entry.id}.json`, `${JSON.stringify(entry, null, 2)}\n`, 'application/json')}
      >
        Download
      </Button>
    </div>
  );
}

/** The selected entry: what was called and how it ended, then its messages in order with their details. */
export function ConsoleEntryDetail() {
  const { entry, selectedId, refresh } = useStudioStore(
    useShallow((state) => ({ entry: state.consoleDetail, selectedId: state.consoleSelectedId, refresh: state.refreshConsoleDetail })),
  );
  const running = entry?.status === 'Running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void refresh(), RUNNING_REFRESH_MS);
    return () => clearInterval(timer);
  }, [running, refresh]);

  if (selectedId === null) return <div className="console-detail is-empty">Choose an entry to see its messages.</div>;
  if (!entry) return <div className="console-detail is-empty">Loading the entry…</div>;
  return (
    <article className={`console-detail is-${entryTone(entry)}`} aria-label={`Console entry ${entry.id}`} data-testid="console-detail">
      <header className="detail-header">
        <span className={`status-pill is-${entryTone(entry)}`} data-testid="detail-status">
          {entry.status}
        </span>
        <h3 className="detail-title">
          {entry.application} / {entry.actionflow}
        </h3>
        <EntryCounts counts={entry.counts} />
        <EntryActions entry={entry} />
      </header>
      <dl className="detail-facts">
        <div>
          <dt>Request</dt>
          <dd>
            {entry.request.method} {entry.request.url} {entry.request.contentType && <>· {entry.request.contentType}</>} · {formatBytes(entry.request.bytes)}
          </dd>
        </div>
        <div>
          <dt>Reply</dt>
          <dd>{entry.reply ? `${entry.reply.status} · ${formatBytes(entry.reply.bytes)}` : running ? 'not yet' : 'none'}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>
            {fullTime(entry.startedAt)}
            {entry.durationMs !== null && <> · took {formatDuration(entry.durationMs)}</>}
          </dd>
        </div>
        <div>
          <dt>Run</dt>
          <dd>
            {entry.mode} · by {entry.user ?? 'nobody (refused before its run)'}
            {entry.processId && (
              <>
                {' '}
                · process <code>{entry.processId}</code>
              </>
            )}
          </dd>
        </div>
        {entry.reason && (
          <div>
            <dt>Reason</dt>
            <dd>{entry.reason}</dd>
          </div>
        )}
      </dl>
      <ol className="console-messages" aria-label="Messages">
        {entry.messages.map((message) => (
          <ConsoleMessageRow key={message.seq} message={message} flow={entry} />
        ))}
      </ol>
      {entry.droppedMessages > 0 && (
        <p className="try-it-note">{entry.droppedMessages} more messages were not kept: the console keeps a limited number per entry.</p>
      )}
    </article>
  );
}
