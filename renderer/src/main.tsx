// First: sends the page's first reads while the rest of the script is evaluated.
import { firstReads, session } from './session/page-session.js';
import './zod-config.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AdminTransport } from './api/admin-transport.js';
import { StudioClient } from './api/studio-client.js';
import { App } from './app/App.js';
import { useStudioStore } from './state/studio-store.js';
import './styles/index.css';

const root = createRoot(document.getElementById('root')!);
if (!session) {
  root.render(
    <StrictMode>
      <main className="no-session">
        <h1>Actionflow Studio</h1>
        <p>
          Open the designer from the address the server printed when it started (<code>actionflow serve</code>); it carries the session that lets this page
          reach the server.
        </p>
      </main>
    </StrictMode>,
  );
} else {
  const transport = new AdminTransport(session, (state) => useStudioStore.getState().setReachability(state), firstReads);
  useStudioStore.setState({ client: new StudioClient(transport), serverUrl: session.baseUrl });
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
