import type { AppDeps } from '../app-deps.js';
import { ConsoleService } from '../console/console.service.js';
import { WriteBehind } from '../console/write-behind.js';
import { createFlowEngine } from '../engine/flow-engine.js';
import { RunManager } from '../engine/run-manager.js';
import { ConsoleStore } from '../storage/console.store.js';
import { ProcessStore } from '../storage/process.store.js';
import { ProcessRegistry } from './process-registry.js';

/** What runs flows and remembers them: the run manager, the processes poll reads, and the System Console. */
export interface RunServices {
  runs: RunManager;
  processes: ProcessRegistry;
  console: ConsoleService;
  /** Writes what is pending and stops the timers (after the runs have been stopped and answered). */
  close(): void;
}

/** The dependencies once the run services are built: what the incoming API and the admin API are made from. */
export type ServedDeps = AppDeps & { services: RunServices };

/**
 * Builds the run services over a data folder's stores; a run manager given in `deps.runs` is used
 * as it is (its runs are then logged where it logs them, not in the console).
 */
export function createRunServices(deps: Pick<AppDeps, 'stores' | 'secrets' | 'clock' | 'runs'>): RunServices {
  const { stores, clock } = deps;
  const settings = () => stores.settings.get();
  // One transaction for each batch of console entries and processes; nothing once the database is closed.
  const writes = new WriteBehind((work) => {
    if (stores.db.open) stores.transaction(work);
  });
  const systemConsole = new ConsoleService({ store: new ConsoleStore(stores.db), clock, settings, secrets: deps.secrets, writes });
  const processes = new ProcessRegistry({ store: new ProcessStore(stores.db), clock, settings, writes });
  const runs = deps.runs ?? new RunManager(createFlowEngine(stores, deps.secrets), systemConsole.openRun, clock);
  return {
    runs,
    processes,
    console: systemConsole,
    close: () => {
      processes.close();
      systemConsole.close();
      writes.close();
    },
  };
}

/** `deps` with its run services, built when it brings none. */
export function withRunServices(deps: AppDeps): ServedDeps {
  return deps.services ? { ...deps, services: deps.services } : { ...deps, services: createRunServices(deps) };
}
