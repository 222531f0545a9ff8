import type { Clock } from './clock.js';
import type { RunServices } from './api/run-services.js';
import type { RunManager } from './engine/run-manager.js';
import type { CallAuthorizer } from './security/call-authorizer.js';
import type { SecretResolver } from './security/secret-resolver.js';
import type { KeystoreHolder } from './storage/keystore.js';
import type { Stores } from './storage/stores.js';
import type { ExpressionPreviewer } from './engine/expression-preview.js';

/** What the Express app is built from: passed in, never imported as singletons, so tests can build their own. */
export interface AppDeps {
  stores: Stores;
  keystore: KeystoreHolder;
  clock: Clock;
  /** The data folder (the CLI and the keystore live beside studio.db). */
  dataDir: string;
  /** The built designer (index.html and assets); absent when the UI was not built. */
  rendererDir?: string;
  /** Tells whether another process committed since the last call (see `externalChangeWatcher`). */
  externalChanges: () => boolean;
  /** Checks API keys on endpoints that do not allow anonymous callers. */
  callAuthorizer: CallAuthorizer;
  /** Values of secret keys for `_datasource.Name`. */
  secrets: SecretResolver;
  /** Starts and tracks flow runs; built over `stores` and `secrets`, logging to the console, when absent. */
  runs?: RunManager;
  /** The run manager, the processes poll reads and the System Console; built over `stores` when absent (see `withRunServices`). */
  services?: RunServices;
  /** Evaluates the designer's expression previews; in this process, with the settings' bounds, when absent. */
  previewer?: ExpressionPreviewer;
  /** The port the server listens on, known once it listens; the admin API's Host check needs it. */
  listeningPort: () => number | undefined;
}
