import { writeDebug } from '../expressions/expression-functions.js';
import type { NodeExecutor } from './node-executor.js';

/** Writes the value (by default the record) as a `Debug` message; passes the record on. */
export const debugExecutor: NodeExecutor<'debug'> = {
  prepare(node, { compile }) {
    const expression = node.config.expression === undefined ? undefined : compile(node.config.expression, 'expression');
    const label = node.config.label;
    return {
      async each(record, run, emit) {
        const value = expression ? await expression.evaluate(record, record, run) : record;
        writeDebug(run, value, label);
        emit('out', record);
      },
    };
  },
};
