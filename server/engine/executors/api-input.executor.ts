import type { DataRecord } from '../record.js';
import type { NodeExecutor } from './node-executor.js';

/** Emits the request as one record, plus the declared query parameters; in a called flow, the caller's record. */
export const apiInputExecutor: NodeExecutor<'apiInput'> = {
  prepare(node) {
    const parameters = node.config.parameters ?? [];
    return {
      each(record, run, emit) {
        const request = run.request;
        if (!request) {
          emit('out', record);
          return;
        }
        const out: DataRecord = { body: request.body, headers: request.headers, contentType: request.contentType, url: request.url };
        for (const parameter of parameters) {
          const value = request.query[parameter.name] ?? parameter.default;
          if (value !== undefined) out[parameter.name] = value;
        }
        emit('out', out);
      },
    };
  },
};
