import type { StudioClient } from '../api/studio-client.js';
import type { FlowStore } from '../editor/flow-store.js';
import { saveFlow } from '../editor/save-flow.js';
import { notify } from '../ui/notifications.js';
import { sameEndpoint, type EndpointRef } from './try-it-request.js';

/** Whether `store` is the editor of `target` (by its saved name: the endpoint answers under that one). */
export function isOpenIn(store: FlowStore | null, target: EndpointRef): store is FlowStore {
  if (!store) return false;
  const { application, savedName } = store.getState();
  return sameEndpoint(target, { application, actionflow: savedName });
}

/**
 * Saves `target` with Allow Anonymous Connections on, through the same save as the Save button: the
 * open editor's when it is that flow (its unsaved edits go with it, and a refusal is reported as
 * any save's is), or the stored flow at its current revision (a refusal is thrown). The save's
 * checks apply either way. Answers whether it was saved.
 */
export async function makeEndpointAnonymous(target: EndpointRef, client: StudioClient, openFlow: FlowStore | null): Promise<boolean> {
  if (isOpenIn(openFlow, target)) {
    const { api, updateFlow } = openFlow.getState();
    if (!api) return false;
    updateFlow({ api: { ...api, allowAnonymous: true } });
    const saved = await saveFlow(openFlow, client);
    if (!saved) updateFlow({ api });
    return saved !== null;
  }
  const stored = await client.getFlow(target.application, target.actionflow);
  if (!stored.flow.api) throw new Error(`“${target.actionflow}” is not an API endpoint any more`);
  await client.saveFlow(target.application, target.actionflow, { ...stored.flow, api: { ...stored.flow.api, allowAnonymous: true } }, stored.revision);
  notify({ tone: 'success', title: `“${target.actionflow}” is anonymous`, description: 'Anyone who can reach its URL can call it, without a key.' });
  return true;
}
