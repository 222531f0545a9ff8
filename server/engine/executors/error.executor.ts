import { insertedText } from '../expressions/template.js';
import { RecordFailure } from '../record-failure.error.js';
import type { NodeExecutor } from './node-executor.js';

/** Fails each record with its message. */
export const errorExecutor: NodeExecutor<'error'> = {
  prepare(node, { compile }) {
    const message = compile(node.config.message, 'message');
    return {
      async each(record, run) {
        const text = insertedText(await message.evaluate(record, record, run));
        throw new RecordFailure(text || `failed at "${node.name}"`);
      },
    };
  },
};
