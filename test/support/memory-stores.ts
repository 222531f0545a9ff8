import { systemClock, type Clock } from '../../server/clock.js';
import { openDatabase } from '../../server/storage/database.js';
import { createStores, type Stores } from '../../server/storage/stores.js';

/** Stores over a fresh in-memory studio.db. */
export function memoryStores(clock: Clock = systemClock): Stores {
  return createStores(openDatabase(':memory:'), clock);
}
