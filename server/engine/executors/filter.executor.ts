import { holds } from '../expressions/truth.js';
import type { NodeExecutor } from './node-executor.js';

/** Passes a record on when its condition holds; drops it otherwise. */
export const filterExecutor: NodeExecutor<'filter'> = {
  prepare(node, { compile }) {
    const condition = compile(node.config.condition, 'condition');
    return {
      async each(record, run, emit) {
        if (holds(await condition.evaluate(record, record, run))) emit('out', record);
      },
    };
  },
};
