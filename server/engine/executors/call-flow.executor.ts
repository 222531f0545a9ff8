import type { NodeExecutor } from './node-executor.js';

/** Runs another flow with the record as its input; emits each record that reached its outputs, `_output` naming the output. */
export const callFlowExecutor: NodeExecutor<'callFlow'> = {
  prepare(node) {
    const target = { application: node.config.application, actionflow: node.config.actionflow };
    return {
      async each(record, run, emit) {
        for (const arrival of await run.callFlow(target, record)) emit('out', { ...arrival.record, _output: arrival.output });
      },
    };
  },
};
