import { RotateCw } from 'lucide-react';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStudioStore } from '../state/studio-store.js';
import { IconButton } from '../ui/Button.js';
import { entryTone } from './console-entries.js';
import { ConsoleEntryDetail } from './ConsoleEntryDetail.js';
import { ConsoleEntryList } from './ConsoleEntryList.js';
import { ConsoleFilters } from './ConsoleFilters.js';

const STREAM_TEXT = { off: 'Not connected', connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', unavailable: 'Not available' } as const;

function Summary() {
  const entries = useStudioStore((state) => state.consoleEntries);
  let errors = 0;
  let warnings = 0;
  for (const entry of entries) {
    const tone = entryTone(entry);
    if (tone === 'error') errors++;
    else if (tone === 'warning') warnings++;
  }
  return (
    <span className="console-summary" aria-live="polite">
      {entries.length} {entries.length === 1 ? 'entry' : 'entries'}
      {errors > 0 && <span className="summary-count is-error"> · {errors} with errors</span>}
      {warnings > 0 && <span className="summary-count is-warning"> · {warnings} with warnings</span>}
    </span>
  );
}

/** The System Console: live entries with filters, and the chosen entry's messages. */
export function ConsolePanel() {
  const { stream, error, reload, markSeen } = useStudioStore(
    useShallow((state) => ({ stream: state.consoleStream, error: state.consoleError, reload: state.reloadConsole, markSeen: state.markConsoleSeen })),
  );
  useEffect(() => {
    markSeen();
    return markSeen;
  }, [markSeen]);
  return (
    <div className="console" data-testid="console">
      <div className="console-bar">
        <span className={`stream-state is-${stream}`} data-testid="console-stream" title="New entries arrive over the server's event stream">
          <span className="stream-dot" aria-hidden="true" />
          {STREAM_TEXT[stream]}
        </span>
        <ConsoleFilters />
        <Summary />
        <IconButton label="Reload entries" icon={<RotateCw size={14} />} onPress={() => void reload()} />
      </div>
      {error && (
        <p className="console-error" role="alert">
          {error}
        </p>
      )}
      <div className="console-body">
        <ConsoleEntryList />
        <ConsoleEntryDetail />
      </div>
    </div>
  );
}
