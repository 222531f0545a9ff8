import { useStudioStore } from '../state/studio-store.js';
import { ConsoleToggle } from './ConsoleToggle.js';
import { ThemeToggle } from './ThemeToggle.js';
import { useShallow } from 'zustand/react/shallow';

/** The product mark: a small flow of three nodes. */
function Logo() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" className="logo">
      <rect x="1.5" y="8.5" width="7" height="7" rx="2" className="logo-a" />
      <rect x="15.5" y="2.5" width="7" height="7" rx="2" className="logo-b" />
      <rect x="15.5" y="14.5" width="7" height="7" rx="2" className="logo-c" />
      <path d="M8.5 12h3.5v-6h3.5M12 12v6h3.5" className="logo-line" fill="none" strokeWidth="1.6" />
    </svg>
  );
}

/** The bar across the top: the product, the main sections, the theme. */
export function TopBar() {
  const { route, navigate, reachability, serverUrl } = useStudioStore(
    useShallow((state) => ({ route: state.route, navigate: state.navigate, reachability: state.reachability, serverUrl: state.serverUrl })),
  );
  const inAdmin = route.view === 'admin';
  return (
    <header className="topbar">
      <a
        className="brand"
        href="#/"
        onClick={(event) => {
          event.preventDefault();
          navigate({ view: 'home' });
        }}
      >
        <Logo />
        <span>Actionflow Studio</span>
      </a>
      <nav className="topnav" aria-label="Sections">
        <a
          href="#/"
          className={`topnav-link${inAdmin ? '' : ' is-active'}`}
          aria-current={inAdmin ? undefined : 'page'}
          onClick={(event) => {
            event.preventDefault();
            navigate({ view: 'home' });
          }}
        >
          Workspace
        </a>
        <a
          href="#/admin"
          className={`topnav-link${inAdmin ? ' is-active' : ''}`}
          aria-current={inAdmin ? 'page' : undefined}
          onClick={(event) => {
            event.preventDefault();
            navigate({ view: 'admin' });
          }}
        >
          Admin
        </a>
      </nav>
      <div className="topbar-end">
        <span className={`server-status is-${reachability}`} title={`Server: ${serverUrl}`}>
          <span className="server-status-dot" aria-hidden="true" />
          {reachability === 'online' ? 'Connected' : reachability === 'offline' ? 'Reconnecting…' : 'Session expired'}
        </span>
        <ConsoleToggle />
        <ThemeToggle />
      </div>
    </header>
  );
}
