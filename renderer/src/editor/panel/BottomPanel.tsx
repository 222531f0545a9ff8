import { ChevronDown, ChevronUp } from 'lucide-react';
import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { IconButton } from '../../ui/Button.js';
import { BOTTOM_PANEL_TABS, type BottomPanelTab } from './bottom-panel-tabs.js';

function TabTitle({ tab }: { tab: BottomPanelTab }) {
  const badge = tab.useBadge();
  return (
    <>
      {tab.title}
      {badge !== null && <span className="tab-badge">{badge}</span>}
    </>
  );
}

/** The panel under the canvas: tabs from `BOTTOM_PANEL_TABS`, collapsible. */
export function BottomPanel() {
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<string>(BOTTOM_PANEL_TABS[0]!.id);
  return (
    <section className={`bottom-panel${open ? ' is-open' : ''}`} aria-label="Panel">
      <Tabs selectedKey={selected} onSelectionChange={(key) => { setSelected(String(key)); setOpen(true); }} className="bottom-tabs">
        <div className="bottom-panel-bar">
          <TabList className="tab-list" aria-label="Panel tabs">
            {BOTTOM_PANEL_TABS.map((tab) => (
              <Tab key={tab.id} id={tab.id} className="tab">
                <TabTitle tab={tab} />
              </Tab>
            ))}
          </TabList>
          <IconButton label={open ? 'Hide panel' : 'Show panel'} icon={open ? <ChevronDown size={14} /> : <ChevronUp size={14} />} onPress={() => setOpen(!open)} />
        </div>
        {open &&
          BOTTOM_PANEL_TABS.map((tab) => (
            <TabPanel key={tab.id} id={tab.id} className="tab-panel">
              <tab.Content />
            </TabPanel>
          ))}
      </Tabs>
    </section>
  );
}
