import type { Settings } from '../../shared/schemas/settings.schema.js';
import type { Clock } from '../clock.js';
import { ConsoleService } from '../console/console.service.js';
import { WriteBehind } from '../console/write-behind.js';
import { FlowCatalog } from '../engine/flow-catalog.js';
import type { SecretResolver } from '../security/secret-resolver.js';
import { ConsoleStore } from '../storage/console.store.js';
import { ProcessStore } from '../storage/process.store.js';
import type { Stores } from '../storage/stores.js';
import { ProcessRegistry } from './process-registry.js';
import type { RunExecutor } from './run-executor.js';
import { RunService } from './run.service.js';

/** What runs flows and remembers them: the flows by name, the run service, the processes poll reads, and the System Console. */
export interface RunServices {
  catalog: FlowCatalog;
  runs: RunService;
  processes: ProcessRegistry;
  console: ConsoleService;
  /** Stops the runs (their callers get their replies), writes what is pending and stops the timers. */
  close(): Promise<void>;
}

export interface RunServicesDeps {
  stores: Stores;
  clock: Clock;
  /** Stored secret values, masked again in every console entry as it is written. */
  secrets: SecretResolver;
  /** What performs the runs: the worker pool in the server. */
  executor: RunExecutor;
  /** The server that owns the runs and console entries written here (DESIGN §7 leases); null in tests. */
  serverId?: string | null;
}

/** Builds the run services over a data folder's stores; the executor hears of every change to the workspace. */
export function createRunServices(deps: RunServicesDeps): RunServices {
  const { stores, clock, executor } = deps;
  const settings = (): Settings => stores.settings.get();
  const serverId = deps.serverId ?? null;
  // One transaction for each batch of console entries and processes; nothing once the database is closed.
  const writes = new WriteBehind((work) => {
    if (stores.db.open) stores.transaction(work);
  });
  const systemConsole = new ConsoleService({ store: new ConsoleStore(stores.db, serverId), clock, settings, secrets: deps.secrets, writes });
  const processes = new ProcessRegistry({ store: new ProcessStore(stores.db, serverId), clock, settings, writes });
  const runs = new RunService({ executor, console: systemConsole, processes, clock, settings });
  const unsubscribe = stores.bus.subscribe((kind) => executor.changed(kind));
  let closing: Promise<void> | undefined;
  return {
    catalog: new FlowCatalog(stores.flows, stores.bus),
    runs,
    processes,
    console: systemConsole,
    close: () =>
      (closing ??= runs.stopAll().then(() => {
        unsubscribe();
        processes.close();
        systemConsole.close();
        writes.close();
      })),
  };
}
