import { useEffect } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import type { AdminSection } from '../state/routes.js';
import { useStudioStore } from '../state/studio-store.js';
import { ADMIN_SECTION_LIST } from './admin-sections.js';

/** The admin screens: a list of sections on the left (arrow keys move through it), the chosen one on the right. */
export function AdminView({ section = 'users' }: { section?: AdminSection | undefined }) {
  const { navigate, loadSecurity, loadSettings, securityError } = useStudioStore(
    useShallow((state) => ({
      navigate: state.navigate,
      loadSecurity: state.loadSecurity,
      loadSettings: state.loadSettings,
      securityError: state.securityError,
    })),
  );
  useEffect(() => {
    void loadSecurity();
    void loadSettings();
  }, [loadSecurity, loadSettings]);

  return (
    <div className="admin">
      <Tabs
        orientation="vertical"
        selectedKey={section}
        onSelectionChange={(key) => navigate({ view: 'admin', section: key as AdminSection })}
        className="admin-tabs"
      >
        <div className="admin-side">
          <h1 className="admin-title">Admin</h1>
          <TabList aria-label="Admin sections" className="admin-tab-list">
            {ADMIN_SECTION_LIST.map(({ id, title, icon: Icon }) => (
              <Tab key={id} id={id} className="admin-tab">
                <Icon size={15} aria-hidden="true" />
                {title}
              </Tab>
            ))}
          </TabList>
        </div>
        {ADMIN_SECTION_LIST.map(({ id, Content }) => (
          <TabPanel key={id} id={id} className="admin-panel">
            {securityError && (
              <p className="banner-inline" role="alert">
                Could not load the security settings: {securityError}
              </p>
            )}
            <Content />
          </TabPanel>
        ))}
      </Tabs>
    </div>
  );
}
