import { ChevronDown, ChevronUp } from 'lucide-react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { useStudioStore } from '../../state/studio-store.js';
import { IconButton } from '../../ui/Button.js';
import type { BottomPanelTab } from './bottom-panel-tabs.js';
import { PanelResizer } from './PanelResizer.js';

function TabTitle({ tab }: { tab: BottomPanelTab }) {
  const badge = tab.useBadge();
  return (
    <>
      {tab.title}
      {badge !== null && <span className="tab-badge">{badge}</span>}
    </>
  );
}

/**
 * The panel at the bottom: `tabs` (under the canvas, or under any other view), collapsible and
 * resizable. Which tab is open, and how tall it is, is shared by every view (the store's panel slice).
 */
export function BottomPanel({ tabs }: { tabs: readonly BottomPanelTab[] }) {
  const { open, tab, height, showPanelTab, setPanelOpen, setPanelHeight } = useStudioStore(
    useShallow((state) => ({
      open: state.panelOpen,
      tab: state.panelTab,
      height: state.panelHeight,
      showPanelTab: state.showPanelTab,
      setPanelOpen: state.setPanelOpen,
      setPanelHeight: state.setPanelHeight,
    })),
  );
  const selected = tabs.some((candidate) => candidate.id === tab) ? tab : tabs[0]!.id;
  return (
    <section className={`bottom-panel${open ? ' is-open' : ''}`} aria-label="Panel" {...(open ? { style: { height } } : {})}>
      {open && <PanelResizer height={height} onResize={setPanelHeight} />}
      <Tabs selectedKey={selected} onSelectionChange={(key) => showPanelTab(String(key))} className="bottom-tabs">
        <div className="bottom-panel-bar">
          <TabList className="tab-list" aria-label="Panel tabs">
            {tabs.map((candidate) => (
              <Tab key={candidate.id} id={candidate.id} className="tab">
                <TabTitle tab={candidate} />
              </Tab>
            ))}
          </TabList>
          <IconButton
            label={open ? 'Hide panel' : 'Show panel'}
            icon={open ? <ChevronDown size={14} /> : <ChevronUp size={14} />}
            onPress={() => setPanelOpen(!open)}
          />
        </div>
        {/* The selected tab's panel exists even when collapsed, so that the tab's aria-controls names an element. */}
        {tabs.map((candidate) => (
          <TabPanel key={candidate.id} id={candidate.id} className={open ? 'tab-panel' : 'tab-panel is-collapsed'}>
            {open && <candidate.Content />}
          </TabPanel>
        ))}
      </Tabs>
    </section>
  );
}
