import { AlertTriangle, Bug, XCircle } from 'lucide-react';
import { GridList, GridListItem } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import type { ConsoleEntrySummary } from '../../../shared/dto/console.dto.js';
import { useStudioStore } from '../state/studio-store.js';
import { formatDuration } from '../try-it/reply-format.js';
import { Button } from '../ui/Button.js';
import { entryTone } from './console-entries.js';
import { entryLabel, fullTime, timeOfDay } from './entry-format.js';

/** An entry's counts of errors, warnings and debug lines, as small badges. */
export function EntryCounts({ counts }: { counts: ConsoleEntrySummary['counts'] }) {
  return (
    <span className="entry-counts">
      {counts.errors > 0 && (
        <span className="entry-count is-error" title={`${counts.errors} error(s)`}>
          <XCircle size={12} aria-hidden="true" />
          {counts.errors}
        </span>
      )}
      {counts.warnings > 0 && (
        <span className="entry-count is-warning" title={`${counts.warnings} warning(s)`}>
          <AlertTriangle size={12} aria-hidden="true" />
          {counts.warnings}
        </span>
      )}
      {counts.debug > 0 && (
        <span className="entry-count is-debug" title={`${counts.debug} debug line(s)`}>
          <Bug size={12} aria-hidden="true" />
          {counts.debug}
        </span>
      )}
    </span>
  );
}

function EntryRow({ entry }: { entry: ConsoleEntrySummary }) {
  return (
    <GridListItem
      id={entry.id}
      textValue={entryLabel(entry)}
      aria-label={entryLabel(entry)}
      className={`console-entry is-${entryTone(entry)}`}
      data-entry-id={entry.id}
      data-status={entry.status}
    >
      <span className="entry-mark" aria-hidden="true" />
      <time className="entry-time" dateTime={entry.startedAt} title={fullTime(entry.startedAt)}>
        {timeOfDay(entry.startedAt)}
      </time>
      <span className="entry-flow" title={`${entry.application} / ${entry.actionflow}`}>
        <span className="entry-app">{entry.application} /</span> {entry.actionflow}
      </span>
      <span className="entry-request">
        <span className="entry-method">{entry.request.method}</span> {entry.reply ? entry.reply.status : entry.status === 'Running' ? '…' : '—'}
      </span>
      <span className="entry-status">{entry.status}</span>
      <span className="entry-duration">{entry.durationMs === null ? '' : formatDuration(entry.durationMs)}</span>
      <EntryCounts counts={entry.counts} />
    </GridListItem>
  );
}

/** The entries, newest first; choosing one shows its messages. "Load older" reads the next page. */
export function ConsoleEntryList() {
  const { entries, selectedId, select, nextBefore, loading, loadOlder } = useStudioStore(
    useShallow((state) => ({
      entries: state.consoleEntries,
      selectedId: state.consoleSelectedId,
      select: state.selectConsoleEntry,
      nextBefore: state.consoleNextBefore,
      loading: state.consoleLoading,
      loadOlder: state.loadOlderConsoleEntries,
    })),
  );
  return (
    <div className="console-list">
      <GridList
        aria-label="Console entries"
        className="console-entries"
        items={entries}
        selectionMode="single"
        selectionBehavior="replace"
        disallowEmptySelection
        selectedKeys={selectedId === null ? [] : [selectedId]}
        onSelectionChange={(keys) => {
          const [id] = keys === 'all' ? [] : [...keys];
          if (id !== undefined) void select(Number(id));
        }}
        renderEmptyState={() => (
          <p className="console-empty">{loading ? 'Loading…' : 'No entries yet: every call to an endpoint shows up here as it happens.'}</p>
        )}
      >
        {(entry) => <EntryRow entry={entry} />}
      </GridList>
      {nextBefore !== null && (
        <Button size="sm" variant="ghost" className="console-older" onPress={() => void loadOlder()} isDisabled={loading}>
          {loading ? 'Loading…' : 'Load older entries'}
        </Button>
      )}
    </div>
  );
}
