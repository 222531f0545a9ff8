import { attributeValue, type DataRecord } from '../record.js';
import type { NodeExecutor } from './node-executor.js';

/** Sets each attribute in order; each expression sees the record with the attributes set before it. */
export const calculateExecutor: NodeExecutor<'calculate'> = {
  prepare(node, { compile }) {
    const attributes = node.config.attributes.map(({ name, expression }) => ({ name, expression: compile(expression, `attribute "${name}"`) }));
    return {
      async each(record, run, emit) {
        let current = record;
        for (const attribute of attributes) {
          const value = attributeValue(await attribute.expression.evaluate(current, record, run));
          // A new object each time: `$` may be the record itself, and a record must never contain itself.
          const next: DataRecord = { ...current };
          if (value === undefined) delete next[attribute.name];
          else next[attribute.name] = value;
          current = next;
        }
        emit('out', current);
      },
    };
  },
};
