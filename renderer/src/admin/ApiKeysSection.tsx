import { Ban, KeySquare } from 'lucide-react';
import { useState } from 'react';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import type { ApiKeyRecord, CreatedApiKey } from '../../../shared/dto/security.dto.js';
import { useStudioStore } from '../state/studio-store.js';
import { Button, IconButton } from '../ui/Button.js';
import { Choice } from '../ui/fields.js';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog.js';
import { GenerateKeyDialog } from './GenerateKeyDialog.js';
import { NewKeyDialog } from './NewKeyDialog.js';
import { SectionHeader } from './SectionHeader.js';
import { ActionsColumn } from './table-parts.js';
import { useSecurityAction } from './use-security-change.js';

const EVERY_USER = '\u0000every';
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const when = (iso: string | null, otherwise: string) => (iso ? dateTime.format(new Date(iso)) : <span className="admin-muted">{otherwise}</span>);

const STATUS_CLASS: Record<ApiKeyRecord['status'], string> = {
  active: 'badge-success',
  revoked: 'badge-muted',
  expired: 'badge-muted',
  'signing key replaced': 'badge-warning',
};

/** API keys: generate one for a user (shown once), see when each was last used, revoke. */
export function ApiKeysSection() {
  const { client, security, apiKeys, apiKeyUser, setApiKeyUser } = useStudioStore(
    useShallow((state) => ({
      client: state.client!,
      security: state.security,
      apiKeys: state.apiKeys,
      apiKeyUser: state.apiKeyUser,
      setApiKeyUser: state.setApiKeyUser,
    })),
  );
  const change = useSecurityAction();
  const [generating, setGenerating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const users = security?.users.map((user) => user.name) ?? [];
  const shown = (apiKeys ?? []).filter((key) => apiKeyUser === null || key.user === apiKeyUser).sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  const askRevoke = (key: ApiKeyRecord) =>
    setConfirm({
      title: `Revoke the key “${key.label || key.id}”?`,
      confirmLabel: 'Revoke key',
      body: (
        <p>
          Calls with this key of “{key.user}” are refused (401) from the next call on. This cannot be undone; generate a new key if the user still needs one.
        </p>
      ),
      run: () => change(() => client.security.revokeApiKey(key.id), `Revoked the key “${key.label || key.id}”`),
    });

  return (
    <>
      <SectionHeader
        title="API keys"
        description="A key lets a client call keyed endpoints as its user. It is shown once, when generated; only its record is kept."
        action={
          <Button variant="primary" icon={<KeySquare size={15} />} onPress={() => setGenerating(true)} isDisabled={users.length === 0}>
            Generate key
          </Button>
        }
      />
      <div className="admin-filters">
        <Choice
          label="User"
          value={apiKeyUser ?? EVERY_USER}
          options={[{ id: EVERY_USER, label: 'Every user' }, ...users.map((user) => ({ id: user, label: user }))]}
          onChange={(user) => setApiKeyUser(user === EVERY_USER ? null : user)}
        />
      </div>
      <Table aria-label="API keys" className="admin-table">
        <TableHeader>
          <Column isRowHeader>Label</Column>
          <Column>User</Column>
          <Column>Created</Column>
          <Column>Last used</Column>
          <Column>Expires</Column>
          <Column>Status</Column>
          <ActionsColumn />
        </TableHeader>
        <TableBody
          items={shown}
          renderEmptyState={() => <p className="admin-empty">{users.length ? 'No API keys yet.' : 'Add a user first: every key belongs to one.'}</p>}
        >
          {(key) => (
            <Row id={key.id}>
              <Cell>
                <span className="admin-name">{key.label || <span className="admin-muted">no label</span>}</span>
                <span className="admin-id">{key.id}</span>
              </Cell>
              <Cell>{key.user}</Cell>
              <Cell>{when(key.createdAt, '')}</Cell>
              <Cell>{when(key.lastUsedAt, 'never')}</Cell>
              <Cell>{when(key.expiresAt, 'never')}</Cell>
              <Cell>
                <span className={`badge ${STATUS_CLASS[key.status]}`}>{key.status}</span>
              </Cell>
              <Cell>
                <div className="admin-row-actions">
                  {key.status === 'active' && (
                    <IconButton label={`Revoke the key ${key.label || key.id}`} icon={<Ban size={15} />} onPress={() => askRevoke(key)} />
                  )}
                </div>
              </Cell>
            </Row>
          )}
        </TableBody>
      </Table>
      <GenerateKeyDialog
        isOpen={generating}
        users={users}
        initialUser={apiKeyUser ?? users[0] ?? ''}
        onClose={() => setGenerating(false)}
        onCreated={(key) => {
          setGenerating(false);
          setCreated(key);
        }}
      />
      <NewKeyDialog created={created} onClose={() => setCreated(null)} />
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </>
  );
}
