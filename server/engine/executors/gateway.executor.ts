import { holds } from '../expressions/truth.js';
import type { NodeExecutor } from './node-executor.js';

/** Sends each record to `true` or `false` by its condition. */
export const gatewayExecutor: NodeExecutor<'gateway'> = {
  prepare(node, { compile }) {
    const condition = compile(node.config.condition, 'condition');
    return {
      async each(record, run, emit) {
        emit(holds(await condition.evaluate(record, record, run)) ? 'true' : 'false', record);
      },
    };
  },
};
