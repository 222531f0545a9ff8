import type { Clock } from './clock.js';
import type { RunServices } from './runs/run-services.js';
import type { CallAuthorizer } from './security/call-authorizer.js';
import type { KeystoreHolder } from './storage/keystore.js';
import type { ChangeKind } from './storage/change-bus.js';
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
  /** The kinds of change other processes (the CLI) committed since the last call (see `externalChangeWatcher`). */
  externalChanges: () => readonly ChangeKind[];
  /** Checks API keys on endpoints that do not allow anonymous callers. */
  callAuthorizer: CallAuthorizer;
  /** The run service, the processes poll reads, the System Console and the flows by name (see `createRunServices`). */
  services: RunServices;
  /** Evaluates the designer's expression previews; in this process, with the settings' bounds, when absent. */
  previewer?: ExpressionPreviewer;
  /** The port the server listens on, known once it listens; the admin API's Host check needs it. */
  listeningPort: () => number | undefined;
}
