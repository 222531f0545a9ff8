import { TerminalSquare } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { useStudioStore } from '../state/studio-store.js';
import { IconButton } from '../ui/Button.js';

/** Opens (or closes) the System Console from anywhere; a dot says entries with errors arrived while it was closed. */
export function ConsoleToggle() {
  const { shown, unseen, showPanelTab, setPanelOpen } = useStudioStore(
    useShallow((state) => ({
      shown: state.panelOpen && state.panelTab === 'console',
      unseen: state.consoleUnseen,
      showPanelTab: state.showPanelTab,
      setPanelOpen: state.setPanelOpen,
    })),
  );
  return (
    <span className="console-toggle">
      <IconButton
        label={shown ? 'Hide the System Console' : unseen ? `Show the System Console (${unseen} new with errors)` : 'Show the System Console'}
        icon={<TerminalSquare size={16} />}
        className={shown ? 'is-active' : undefined}
        onPress={() => (shown ? setPanelOpen(false) : showPanelTab('console'))}
      />
      {unseen > 0 && <span className="console-toggle-dot" aria-hidden="true" />}
    </span>
  );
}
