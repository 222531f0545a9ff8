import type { FlowCatalog } from '../engine/flow-catalog.js';
import type { FlowRecord } from '../storage/flow.store.js';

/** A flow that answers as an API endpoint, or why a path finds none (404) or too many (409). */
export type EndpointLookup = { ok: true; record: FlowRecord } | { ok: false; status: 404 | 409; message: string };

/**
 * Finds the endpoint a trigger or poll path names: by application and name (version 11), or by
 * name alone across applications (version 10), where it must be one enabled endpoint.
 */
export function findEndpoint(catalog: FlowCatalog, application: string | undefined, actionflow: string): EndpointLookup {
  if (application !== undefined) {
    const record = catalog.find(application, actionflow);
    if (!record) return notFound(`application "${application}" has no actionflow "${actionflow}"`);
    return asEndpoint(record);
  }
  const named = catalog.named(actionflow);
  const enabled = named.filter((record) => record.flow.api?.enabled);
  if (enabled.length === 1) return { ok: true, record: enabled[0]! };
  if (enabled.length > 1) {
    const applications = enabled.map((record) => `"${record.application}"`).join(', ');
    return {
      ok: false,
      status: 409,
      message: `actionflow "${actionflow}" is an API endpoint in more than one application (${applications}); call it with its application in the path: .../api/1/action/{Application}/${encodeURIComponent(actionflow)}/trigger`,
    };
  }
  return named.length === 1 ? asEndpoint(named[0]!) : notFound(`no application has an API endpoint called "${actionflow}"`);
}

function asEndpoint(record: FlowRecord): EndpointLookup {
  const what = `actionflow "${record.flow.name}" of application "${record.application}"`;
  if (!record.flow.api) return notFound(`${what} is not an API endpoint`);
  if (!record.flow.api.enabled) return notFound(`${what} is an API endpoint that is disabled`);
  return { ok: true, record };
}

const notFound = (message: string): EndpointLookup => ({ ok: false, status: 404, message });
