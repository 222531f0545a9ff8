import type { Clock } from '../clock.js';
import { ApplicationStore } from './application.store.js';
import { ChangeBus } from './change-bus.js';
import { countChanges } from './change-counters.js';
import type { Db } from './database.js';
import { FlowStore } from './flow.store.js';
import { SecurityStore } from './security.store.js';
import { SettingsStore } from './settings.store.js';
import { TableStore } from './table.store.js';

/** Every store over one studio.db connection, sharing one change bus. */
export interface Stores {
  db: Db;
  bus: ChangeBus;
  applications: ApplicationStore;
  flows: FlowStore;
  tables: TableStore;
  security: SecurityStore;
  settings: SettingsStore;
  /** Runs `work` in one immediate transaction (nested calls become savepoints). */
  transaction<T>(work: () => T): T;
}

/** Builds the stores over an open database. */
export function createStores(db: Db, clock: Clock): Stores {
  const bus = new ChangeBus();
  countChanges(db, bus);
  return {
    db,
    bus,
    applications: new ApplicationStore(db, clock, bus),
    flows: new FlowStore(db, clock, bus),
    tables: new TableStore(db, clock, bus),
    security: new SecurityStore(db, clock, bus),
    settings: new SettingsStore(db, bus),
    transaction: <T>(work: () => T): T => (db.inTransaction ? db.transaction(work)() : db.transaction(work).immediate()),
  };
}
