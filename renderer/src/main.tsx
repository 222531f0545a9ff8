import './zod-config.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AdminTransport } from './api/admin-transport.js';
import { StudioClient } from './api/studio-client.js';
import { App } from './app/App.js';
import { readSession } from './session/read-session.js';
import { useStudioStore } from './state/studio-store.js';
import './styles/index.css';

const root = createRoot(document.getElementById('root')!);
const session = readSession();

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
  const transport = new AdminTransport(session, (state) => useStudioStore.getState().setReachability(state));
  useStudioStore.setState({ client: new StudioClient(transport), serverUrl: session.baseUrl });
  // The store read the address before the session's token was taken out of it: read the view again.
  useStudioStore.getState().syncRouteFromLocation();
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
