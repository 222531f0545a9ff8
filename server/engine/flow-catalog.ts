import type { ChangeBus } from '../storage/change-bus.js';
import type { FlowRecord } from '../storage/flow.store.js';

/** Where the catalog reads flows from: the flow store in the server. */
export interface FlowSource {
  list(): FlowRecord[];
}

/**
 * Every stored flow by application and name, read once and kept until the workspace changes, so
 * finding the flow behind a request or a `callFlow` costs no SQL.
 */
export class FlowCatalog {
  private byKey: Map<string, FlowRecord> | undefined;
  private byName: Map<string, FlowRecord[]> | undefined;

  constructor(
    private readonly source: FlowSource,
    bus: ChangeBus,
  ) {
    bus.subscribe((kind) => {
      if (kind === 'workspace') this.byKey = this.byName = undefined;
    });
  }

  /** The flow `name` of `application`. */
  find(application: string, name: string): FlowRecord | undefined {
    return this.index().byKey.get(keyOf(application, name));
  }

  /** Every flow called `name`, across applications, in application order. */
  named(name: string): readonly FlowRecord[] {
    return this.index().byName.get(name) ?? [];
  }

  private index(): { byKey: Map<string, FlowRecord>; byName: Map<string, FlowRecord[]> } {
    if (!this.byKey || !this.byName) {
      const byKey = new Map<string, FlowRecord>();
      const byName = new Map<string, FlowRecord[]>();
      for (const record of this.source.list()) {
        byKey.set(keyOf(record.application, record.flow.name), record);
        const list = byName.get(record.flow.name) ?? [];
        list.push(record);
        byName.set(record.flow.name, list);
      }
      this.byKey = byKey;
      this.byName = byName;
    }
    return { byKey: this.byKey, byName: this.byName };
  }
}

const keyOf = (application: string, name: string) => `${application}\u0000${name}`;
