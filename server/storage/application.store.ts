import type { Clock } from '../clock.js';
import { isoNow } from '../clock.js';
import { ConflictError } from '../errors/conflict.error.js';
import { NotFoundError } from '../errors/not-found.error.js';
import type { ChangeBus } from './change-bus.js';
import type { Db } from './database.js';

export interface ApplicationRecord {
  id: number;
  name: string;
  description: string;
  createdAt: string;
  updatedAt: string;
}

interface ApplicationRow {
  id: number;
  name: string;
  description: string;
  created_at: string;
  updated_at: string;
}

const toRecord = (row: ApplicationRow): ApplicationRecord => ({
  id: row.id,
  name: row.name,
  description: row.description,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Applications in studio.db. */
export class ApplicationStore {
  private readonly selectAll;
  private readonly selectByName;
  private readonly insertOne;
  private readonly updateOne;
  private readonly deleteOne;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly bus: ChangeBus,
  ) {
    this.selectAll = db.prepare<[], ApplicationRow>('SELECT * FROM applications ORDER BY name');
    this.selectByName = db.prepare<[string], ApplicationRow>('SELECT * FROM applications WHERE name = ?');
    this.insertOne = db.prepare('INSERT INTO applications (name, description, created_at, updated_at) VALUES (?, ?, ?, ?)');
    this.updateOne = db.prepare('UPDATE applications SET name = ?, description = ?, updated_at = ? WHERE id = ?');
    this.deleteOne = db.prepare('DELETE FROM applications WHERE id = ?');
  }

  list(): ApplicationRecord[] {
    return this.selectAll.all().map(toRecord);
  }

  find(name: string): ApplicationRecord | undefined {
    const row = this.selectByName.get(name);
    return row && toRecord(row);
  }

  /** The application called `name`, or a 404 naming it. */
  get(name: string): ApplicationRecord {
    const found = this.find(name);
    if (!found) throw new NotFoundError(`application "${name}" does not exist`);
    return found;
  }

  create(name: string, description = ''): ApplicationRecord {
    if (this.find(name)) throw new ConflictError(`application "${name}" already exists`);
    const now = isoNow(this.clock);
    this.insertOne.run(name, description, now, now);
    this.bus.notify('workspace');
    return this.get(name);
  }

  /** Changes name and description; references to the old name are the caller's to rewrite. */
  update(name: string, changes: { name?: string; description?: string }): ApplicationRecord {
    const current = this.get(name);
    const nextName = changes.name ?? current.name;
    if (nextName !== current.name && this.find(nextName)) throw new ConflictError(`application "${nextName}" already exists`);
    this.updateOne.run(nextName, changes.description ?? current.description, isoNow(this.clock), current.id);
    this.bus.notify('workspace');
    return this.get(nextName);
  }

  delete(name: string): void {
    this.deleteOne.run(this.get(name).id);
    this.bus.notify('workspace');
  }
}
