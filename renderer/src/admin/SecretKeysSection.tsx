import { KeyRound, Lock, Pencil, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import type { SecretKeySummary } from '../../../shared/dto/security.dto.js';
import { DeleteDialog, type DeleteRequest } from '../home/DeleteDialog.js';
import { NameDialog, type NameDialogRequest } from '../home/NameDialog.js';
import { useStudioStore } from '../state/studio-store.js';
import { ActionMenu } from '../ui/ActionMenu.js';
import { Button } from '../ui/Button.js';
import { notify } from '../ui/notifications.js';
import { AddSecretKeyDialog, SecretValueDialog } from './SecretKeyDialogs.js';
import { SectionHeader } from './SectionHeader.js';
import { ActionsColumn, EnabledSwitch } from './table-parts.js';
import { useSecurityAction } from './use-security-change.js';

/** Secret keys: named values flows use as `_datasource.Name`. Values go in and never come back out. */
export function SecretKeysSection() {
  const { client, security, loadSecurity } = useStudioStore(
    useShallow((state) => ({ client: state.client!, security: state.security, loadSecurity: state.loadSecurity })),
  );
  const change = useSecurityAction();
  const [adding, setAdding] = useState(false);
  const [valueFor, setValueFor] = useState<string | null>(null);
  const [nameRequest, setNameRequest] = useState<NameDialogRequest | null>(null);
  const [deleteRequest, setDeleteRequest] = useState<DeleteRequest | null>(null);

  const rename = (key: SecretKeySummary) =>
    setNameRequest({
      title: `Rename secret key “${key.name}”`,
      label: 'New name',
      initial: key.name,
      submitLabel: 'Rename',
      submit: async (name) => {
        await client.security.updateSecretKey(key.name, { name });
        await loadSecurity();
        notify({ tone: 'success', title: `Renamed to “${name}”; the nodes that use it follow` });
      },
    });
  const remove = (key: SecretKeySummary) =>
    setDeleteRequest({
      what: `secret key “${key.name}”`,
      references: async () => (await client.security.secretKeyReferences(key.name)).references,
      remove: async (confirmed) => {
        await client.security.deleteSecretKey(key.name, confirmed);
        await loadSecurity();
        notify({ tone: 'success', title: `Deleted secret key “${key.name}”` });
      },
    });

  return (
    <>
      <SectionHeader
        title="Secret keys"
        description={
          <>
            Values a flow uses as <code>_datasource.Name</code>, kept encrypted. A value is write-only: it is never shown again, and runs mask it.
          </>
        }
        action={
          <Button variant="primary" icon={<Plus size={15} />} onPress={() => setAdding(true)}>
            Add secret key
          </Button>
        }
      />
      <Table aria-label="Secret keys" className="admin-table">
        <TableHeader>
          <Column isRowHeader>Name</Column>
          <Column>Enabled</Column>
          <Column>Value</Column>
          <ActionsColumn />
        </TableHeader>
        <TableBody items={security?.secretKeys ?? []} renderEmptyState={() => <p className="admin-empty">No secret keys yet.</p>}>
          {(key) => (
            <Row id={key.name}>
              <Cell>
                <span className="admin-name">{key.name}</span>
              </Cell>
              <Cell>
                <EnabledSwitch
                  name={key.name}
                  enabled={key.enabled}
                  onChange={(enabled) =>
                    void change(() => client.security.updateSecretKey(key.name, { enabled }), `${enabled ? 'Enabled' : 'Disabled'} “${key.name}”`)
                  }
                />
              </Cell>
              <Cell>
                {key.hasValue ? (
                  <span className="badge badge-success">
                    <Lock size={11} aria-hidden="true" /> set
                  </span>
                ) : (
                  <span className="badge badge-warning">not set</span>
                )}
              </Cell>
              <Cell>
                <div className="admin-row-actions">
                  <Button size="sm" variant="ghost" icon={<KeyRound size={14} />} onPress={() => setValueFor(key.name)} aria-label={`Set value of ${key.name}`}>
                    Set value…
                  </Button>
                  <ActionMenu
                    label={`Actions for secret key ${key.name}`}
                    actions={[
                      { id: 'rename', label: 'Rename…', icon: <Pencil size={14} />, run: () => rename(key) },
                      { id: 'delete', label: 'Delete…', icon: <Trash2 size={14} />, danger: true, run: () => remove(key) },
                    ]}
                  />
                </div>
              </Cell>
            </Row>
          )}
        </TableBody>
      </Table>
      <AddSecretKeyDialog isOpen={adding} onClose={() => setAdding(false)} />
      <SecretValueDialog keyName={valueFor} onClose={() => setValueFor(null)} />
      <NameDialog request={nameRequest} onClose={() => setNameRequest(null)} />
      <DeleteDialog request={deleteRequest} onClose={() => setDeleteRequest(null)} />
    </>
  );
}
