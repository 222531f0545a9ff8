import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { AdminView } from '../admin/AdminView.js';
import { FlowEditorView } from '../editor/FlowEditorView.js';
import { BottomPanel } from '../editor/panel/BottomPanel.js';
import { RUN_PANEL_TABS } from '../editor/panel/bottom-panel-tabs.js';
import { HomeView } from '../home/HomeView.js';
import { desktopApi } from '../session/read-session.js';
import { useStudioStore } from '../state/studio-store.js';
import { watchSystemTheme } from '../state/theme.slice.js';
import { Notifications } from '../ui/notifications.js';
import { exportScopeOf } from '../transfer/export-scope.js';
import { exportToFile } from '../transfer/export-to-file.js';
import { ImportDialog } from '../transfer/ImportDialog.js';
import { TableView } from '../tables/TableView.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { TopBar } from './TopBar.js';

/** While the server answers, the workspace is re-read this often, so changes from the CLI or another window show up. */
const REFRESH_MS = 10_000;

function CurrentView() {
  const route = useStudioStore((state) => state.route);
  switch (route.view) {
    case 'home':
      return <HomeView />;
    case 'flow':
      return <FlowEditorView key={`${route.application}\u0000${route.flow}`} application={route.application} flow={route.flow} />;
    case 'table':
      // A table of other columns is a new grid, not this one changed under react-aria's collection.
      return <TableView key={`${route.application}\u0000${route.table}`} application={route.application} table={route.table} />;
    case 'admin':
      return <AdminView section={route.section} />;
  }
}

/** The designer: top bar, connection banner, the current view, notifications. */
export function App() {
  const { theme, syncRouteFromLocation, setSystemTheme, loadWorkspace, loadSettings, setThemePreference } = useStudioStore(
    useShallow((state) => ({
      theme: state.theme,
      syncRouteFromLocation: state.syncRouteFromLocation,
      setSystemTheme: state.setSystemTheme,
      loadWorkspace: state.loadWorkspace,
      loadSettings: state.loadSettings,
      setThemePreference: state.setThemePreference,
    })),
  );
  // The canvas has the panel under it (with Problems); every other view has the run tools under it.
  const onCanvas = useStudioStore((state) => state.route.view === 'flow');

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);

  useEffect(() => watchSystemTheme(setSystemTheme), [setSystemTheme]);

  // The System Console follows the server's event stream from the start, so no entry is missed.
  useEffect(() => useStudioStore.getState().startConsole(), []);

  useEffect(() => {
    window.addEventListener('popstate', syncRouteFromLocation);
    window.addEventListener('hashchange', syncRouteFromLocation);
    return () => {
      window.removeEventListener('popstate', syncRouteFromLocation);
      window.removeEventListener('hashchange', syncRouteFromLocation);
    };
  }, [syncRouteFromLocation]);

  useEffect(() => {
    void loadWorkspace();
    void loadSettings();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible' && useStudioStore.getState().reachability === 'online') void loadWorkspace();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [loadWorkspace, loadSettings]);

  useEffect(
    () =>
      desktopApi()?.onMenuCommand((command) => {
        const studio = useStudioStore.getState();
        if (command === 'toggle-dark-mode') setThemePreference(studio.theme === 'dark' ? 'light' : 'dark');
        if (command === 'open-settings') studio.navigate({ view: 'admin', section: 'settings' });
        if (command === 'import') studio.setImportOpen(true);
        if (command === 'export') void exportToFile(exportScopeOf(studio.route));
        if (command === 'new-endpoint') {
          studio.navigate({ view: 'home' });
          studio.requestNewEndpoint(true);
        }
      }),
    [setThemePreference],
  );

  return (
    <div className="app">
      <TopBar />
      <ConnectionBanner />
      <main className="main">
        <CurrentView />
      </main>
      {!onCanvas && <BottomPanel tabs={RUN_PANEL_TABS} />}
      <ImportDialog />
      <Notifications />
    </div>
  );
}
