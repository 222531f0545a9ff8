import type { DataRecord } from '../record.js';
import type { NodeExecutor } from './node-executor.js';

interface Group {
  key: unknown;
  items: DataRecord[];
}

/** Emits every record that reached it as one record `{<into>: [...]}`, or one `{key, <into>}` per group. */
export const aggregateExecutor: NodeExecutor<'aggregate'> = {
  prepare(node, { compile }) {
    const into = node.config.into;
    const groupBy = node.config.groupBy === undefined ? undefined : compile(node.config.groupBy, 'group by');
    return {
      async all(records, run, emit) {
        if (!groupBy) {
          emit('out', { [into]: records });
          return;
        }
        const groups = new Map<string, Group>();
        for (const record of records) {
          let key: unknown;
          try {
            key = await groupBy.evaluate(record, record, run);
          } catch (error) {
            run.fail(record, error);
            continue;
          }
          // Keys are grouped by their JSON form, so 1 and "1" stay apart and equal objects meet.
          const id = key === undefined ? '' : `=${JSON.stringify(key)}`;
          const group = groups.get(id) ?? { key, items: [] };
          group.items.push(record);
          groups.set(id, group);
        }
        for (const group of groups.values()) emit('out', group.key === undefined ? { [into]: group.items } : { key: group.key, [into]: group.items });
      },
    };
  },
};
