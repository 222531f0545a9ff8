import { attributeValue } from '../record.js';
import type { NodeExecutor } from './node-executor.js';

/** One record per element: an object element merges into the record (its keys win), anything else becomes `item`. */
export const splitExecutor: NodeExecutor<'split'> = {
  prepare(node, { compile }) {
    const expression = compile(node.config.expression, 'expression');
    return {
      async each(record, run, emit) {
        const value = await expression.evaluate(record, record, run);
        if (value === undefined) return;
        for (const raw of Array.isArray(value) ? value : [value]) {
          const element = attributeValue(raw);
          if (element !== null && typeof element === 'object' && !Array.isArray(element)) emit('out', { ...record, ...element });
          else if (element !== undefined) emit('out', { ...record, item: element });
        }
      },
    };
  },
};
