import { Globe, KeyRound } from 'lucide-react';
import { useContext, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CreatedTestKey } from '../../../shared/dto/security.dto.js';
import { ConfirmDialog, type ConfirmRequest } from '../admin/ConfirmDialog.js';
import { FlowStoreContext } from '../editor/flow-store-context.js';
import { useStudioStore } from '../state/studio-store.js';
import { Button } from '../ui/Button.js';
import { isOpenIn, makeEndpointAnonymous } from './make-endpoint-anonymous.js';
import { TestKeyDialog } from './TestKeyDialog.js';
import { TestKeyShownOnce } from './TestKeyShownOnce.js';
import type { EndpointRef } from './try-it-request.js';

/**
 * For a keyed endpoint and an empty key field: create a test key in one step (shown once, then kept
 * masked in the field), or make the endpoint anonymous after saying what that means.
 */
export function KeyNeeded({ target, keyed, url }: { target: EndpointRef; keyed: boolean; url: string }) {
  const { client, hasKey, setKey, loadWorkspace } = useStudioStore(
    useShallow((state) => ({ client: state.client, hasKey: state.tryItKey.trim() !== '', setKey: state.setTryItKey, loadWorkspace: state.loadWorkspace })),
  );
  const flowStore = useContext(FlowStoreContext);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedTestKey | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);

  const keyCreated = (key: CreatedTestKey) => {
    setKey(key.key, { user: key.record.user, label: key.record.label, expiresAt: key.record.expiresAt });
    setCreated(key);
  };
  const askAnonymous = () => {
    const unsaved = isOpenIn(flowStore, target) && flowStore.getState().dirty;
    setConfirm({
      title: `Make “${target.actionflow}” anonymous?`,
      body: (
        <>
          <p>
            Anyone who can reach <code>{url}</code> can then call it, without a key; its runs are performed by the <code>system</code> user.
          </p>
          <p>This saves the flow{unsaved ? ', with your unsaved edits' : ''}. To ask for keys again, turn off Allow Anonymous Connections in its settings.</p>
        </>
      ),
      confirmLabel: 'Make it anonymous',
      run: async () => {
        if (!client) return;
        if (await makeEndpointAnonymous(target, client, flowStore)) await loadWorkspace();
      },
    });
  };

  return (
    <>
      {keyed && !hasKey && (
        <div className="try-it-banner try-it-key-needed" data-testid="try-it-key-needed">
          <span>This endpoint needs an API key: paste one in the API key tab, or</span>
          <Button size="sm" icon={<KeyRound size={14} />} onPress={() => setCreating(true)}>
            Create a test key
          </Button>
          <Button size="sm" icon={<Globe size={14} />} onPress={askAnonymous}>
            Make this endpoint anonymous
          </Button>
        </div>
      )}
      <TestKeyDialog target={target} isOpen={creating} onClose={() => setCreating(false)} onCreated={keyCreated} />
      <TestKeyShownOnce created={created} onClose={() => setCreated(null)} />
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </>
  );
}
