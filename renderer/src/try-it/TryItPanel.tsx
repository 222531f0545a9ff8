import { Send } from 'lucide-react';
import { useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_INSTANCE } from '../../../shared/urls.js';
import { FlowStoreContext } from '../editor/flow-store-context.js';
import type { FlowStore } from '../editor/flow-store.js';
import { useStudioStore } from '../state/studio-store.js';
import { Button } from '../ui/Button.js';
import { CompactSelect } from '../ui/CompactSelect.js';
import { CopyAsCurl } from './CopyAsCurl.js';
import { endpointChoices, endpointId } from './endpoints.js';
import { EndpointPicker } from './EndpointPicker.js';
import { KeyNeeded } from './KeyNeeded.js';
import { RecentRequestsMenu } from './RecentRequestsMenu.js';
import { ReplyView } from './ReplyView.js';
import { RequestEditor } from './RequestEditor.js';
import { sameEndpoint, triggerUrl, type EndpointRef, type TryItRequest } from './try-it-request.js';

const METHODS = [{ id: 'GET' }, { id: 'POST' }] as const;

function MethodPicker({ value, onChange }: { value: TryItRequest['method']; onChange: (method: TryItRequest['method']) => void }) {
  return (
    <CompactSelect
      label="Method"
      className="method-picker"
      buttonClassName={`method-${value.toLowerCase()}`}
      value={value}
      options={METHODS}
      onChange={(id) => onChange(id as TryItRequest['method'])}
    />
  );
}

/** Under the open flow: says when its edits are not live yet (the endpoint answers with the saved version). */
function UnsavedNote({ store, target }: { store: FlowStore; target: EndpointRef }) {
  const { dirty, application, savedName } = useStore(
    store,
    useShallow((state) => ({ dirty: state.dirty, application: state.application, savedName: state.savedName })),
  );
  if (!dirty || !sameEndpoint(target, { application, actionflow: savedName })) return null;
  return <p className="try-it-banner">This flow has unsaved changes: the endpoint answers with its saved version until you save.</p>;
}

/** Try it: pick an endpoint, edit the request, send it, read the reply. */
export function TryItPanel() {
  const { workspace, target, request, exchange, busy, settings, serverUrl, setTarget, edit, send } = useStudioStore(
    useShallow((state) => ({
      workspace: state.workspace,
      target: state.tryItTarget,
      request: state.tryItRequest,
      exchange: state.tryItExchange,
      busy: state.tryItBusy,
      settings: state.settings,
      serverUrl: state.serverUrl,
      setTarget: state.setTryItTarget,
      edit: state.editTryItRequest,
      send: state.sendTryIt,
    })),
  );
  const flowStore = useContext(FlowStoreContext);
  const choices = endpointChoices(workspace);
  const endpoint = target ? choices.find((choice) => choice.id === endpointId(target)) : undefined;
  const url = target ? triggerUrl(serverUrl, settings?.instance ?? DEFAULT_INSTANCE, target, request.query) : '';
  const shownExchange = exchange && sameEndpoint(exchange.target, target) ? exchange : null;

  return (
    <div className="try-it" data-testid="try-it">
      <form
        className="try-it-bar"
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <EndpointPicker choices={choices} target={target} onChange={setTarget} />
        <MethodPicker value={request.method} onChange={(method) => edit({ method })} />
        <code className="try-it-url" data-testid="try-it-url" title={url}>
          {url || 'Choose an endpoint to call'}
        </code>
        {target && <RecentRequestsMenu />}
        {target && <CopyAsCurl target={target} />}
        <Button type="submit" variant="primary" size="sm" icon={<Send size={14} />} isDisabled={!target || busy}>
          {busy ? 'Sending…' : 'Send'}
        </Button>
      </form>
      {target && !endpoint && workspace && (
        <p className="try-it-banner">
          “{target.actionflow}” in “{target.application}” is not an API endpoint (turn on <em>API endpoint</em> in its settings and save), so it answers 404.
        </p>
      )}
      {endpoint && !endpoint.api.enabled && <p className="try-it-banner">This endpoint is disabled: it answers 404 until it is enabled.</p>}
      {flowStore && target && <UnsavedNote store={flowStore} target={target} />}
      {endpoint && target && (
        <KeyNeeded
          target={target}
          keyed={endpoint.api.enabled && !endpoint.api.allowAnonymous}
          url={triggerUrl(serverUrl, settings?.instance ?? DEFAULT_INSTANCE, target, [])}
        />
      )}
      <div className="try-it-body">
        <section className="try-it-request" aria-label="Request">
          <RequestEditor anonymous={endpoint?.api.allowAnonymous ?? false} />
        </section>
        <section className="try-it-response" aria-label="Reply">
          <ReplyView exchange={shownExchange} />
        </section>
      </div>
    </div>
  );
}
