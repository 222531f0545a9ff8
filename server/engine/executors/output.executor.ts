import type { DataRecord } from '../record.js';
import type { NodeExecutor } from './node-executor.js';

/** Returns each record at `$.data.<node name>`, trimmed to the listed attributes when there are any. */
export const outputExecutor: NodeExecutor<'output'> = {
  prepare(node) {
    const attributes = node.config.attributes?.length ? node.config.attributes : undefined;
    return {
      each(record, run) {
        if (!attributes) {
          run.collect(node.name, record);
          return;
        }
        const trimmed: DataRecord = {};
        for (const name of attributes) if (record[name] !== undefined) trimmed[name] = record[name];
        run.collect(node.name, trimmed);
      },
    };
  },
};
