import type { Actionflow } from '../../shared/schemas/actionflow.schema.js';
import type { Clock } from '../clock.js';
import { isoNow } from '../clock.js';
import { ConflictError } from '../errors/conflict.error.js';
import { NotFoundError } from '../errors/not-found.error.js';
import type { ChangeBus } from './change-bus.js';
import type { Db } from './database.js';

/** A stored actionflow with its revision; the revision goes up by one on every change. */
export interface FlowRecord {
  id: number;
  application: string;
  flow: Actionflow;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

interface FlowRow {
  id: number;
  application: string;
  definition: string;
  revision: number;
  created_at: string;
  updated_at: string;
}

const toRecord = (row: FlowRow): FlowRecord => ({
  id: row.id,
  application: row.application,
  flow: JSON.parse(row.definition) as Actionflow,
  revision: row.revision,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const SELECT = `SELECT f.id, a.name AS application, f.definition, f.revision, f.created_at, f.updated_at
  FROM actionflows f JOIN applications a ON a.id = f.application_id`;

/** Actionflows in studio.db, stored whole as checked JSON. */
export class FlowStore {
  private readonly selectAll;
  private readonly selectByApplication;
  private readonly selectOne;
  private readonly selectByName;
  private readonly insertOne;
  private readonly updateOne;
  private readonly deleteOne;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly bus: ChangeBus,
  ) {
    this.selectAll = db.prepare<[], FlowRow>(`${SELECT} ORDER BY a.name, f.name`);
    this.selectByApplication = db.prepare<[string], FlowRow>(`${SELECT} WHERE a.name = ? ORDER BY f.name`);
    this.selectOne = db.prepare<[string, string], FlowRow>(`${SELECT} WHERE a.name = ? AND f.name = ?`);
    this.selectByName = db.prepare<[string], FlowRow>(`${SELECT} WHERE f.name = ? ORDER BY a.name`);
    this.insertOne = db.prepare(
      `INSERT INTO actionflows (application_id, name, definition, revision, created_at, updated_at)
       SELECT id, ?, ?, 1, ?, ? FROM applications WHERE name = ?`,
    );
    this.updateOne = db.prepare('UPDATE actionflows SET name = ?, definition = ?, revision = revision + 1, updated_at = ? WHERE id = ?');
    this.deleteOne = db.prepare('DELETE FROM actionflows WHERE id = ?');
  }

  list(application?: string): FlowRecord[] {
    return (application === undefined ? this.selectAll.all() : this.selectByApplication.all(application)).map(toRecord);
  }

  /** Every flow called `name`, across applications (the version 10 URL form looks up by name alone). */
  listByName(name: string): FlowRecord[] {
    return this.selectByName.all(name).map(toRecord);
  }

  find(application: string, name: string): FlowRecord | undefined {
    const row = this.selectOne.get(application, name);
    return row && toRecord(row);
  }

  get(application: string, name: string): FlowRecord {
    const found = this.find(application, name);
    if (!found) throw new NotFoundError(`actionflow "${name}" does not exist in application "${application}"`);
    return found;
  }

  create(application: string, flow: Actionflow): FlowRecord {
    if (this.find(application, flow.name)) throw new ConflictError(`actionflow "${flow.name}" already exists in application "${application}"`);
    const now = isoNow(this.clock);
    const result = this.insertOne.run(flow.name, JSON.stringify(flow), now, now, application);
    if (result.changes === 0) throw new NotFoundError(`application "${application}" does not exist`);
    this.bus.notify('workspace');
    return this.get(application, flow.name);
  }

  /**
   * Replaces a flow (its name may change). With `baseRevision`, a flow changed since that revision
   * is refused with 409, so two editors never silently overwrite each other.
   */
  update(application: string, name: string, flow: Actionflow, baseRevision?: number): FlowRecord {
    const current = this.get(application, name);
    if (baseRevision !== undefined && baseRevision !== current.revision) {
      throw new ConflictError(
        `actionflow "${name}" was changed elsewhere (now at revision ${current.revision}, this edit is based on ${baseRevision}); reload it before saving`,
        [],
        { currentRevision: current.revision },
      );
    }
    if (flow.name !== name && this.find(application, flow.name)) {
      throw new ConflictError(`actionflow "${flow.name}" already exists in application "${application}"`);
    }
    this.updateOne.run(flow.name, JSON.stringify(flow), isoNow(this.clock), current.id);
    this.bus.notify('workspace');
    return this.get(application, flow.name);
  }

  delete(application: string, name: string): void {
    this.deleteOne.run(this.get(application, name).id);
    this.bus.notify('workspace');
  }
}
