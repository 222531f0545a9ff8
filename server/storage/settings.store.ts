import { settingsSchema, type Settings } from '../../shared/schemas/settings.schema.js';
import type { ChangeBus } from './change-bus.js';
import type { Db } from './database.js';

/** The server's settings in studio.db; keys never set take their defaults. */
export class SettingsStore {
  private readonly selectAll;
  private readonly upsert;
  private cached: Settings | undefined;

  constructor(
    private readonly db: Db,
    private readonly bus: ChangeBus,
  ) {
    this.selectAll = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
    this.upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    bus.subscribe((kind) => {
      if (kind === 'settings') this.cached = undefined;
    });
  }

  /** The current settings. */
  get(): Settings {
    if (!this.cached) {
      const stored = Object.fromEntries(
        this.selectAll
          .all()
          .filter((row) => row.key in settingsSchema.shape)
          .map((row) => [row.key, JSON.parse(row.value) as unknown]),
      );
      this.cached = settingsSchema.parse(stored);
    }
    return this.cached;
  }

  /** Stores a change to some settings (already validated by `settingsSchema.partial()`); returns the whole set. */
  update(changes: Partial<Settings>): Settings {
    const next = settingsSchema.parse({ ...this.get(), ...changes });
    this.db.transaction(() => {
      for (const key of Object.keys(changes) as (keyof Settings)[]) this.upsert.run(key, JSON.stringify(next[key]));
    })();
    this.bus.notify('settings');
    return this.get();
  }
}
