import { KeyRound, Trash2, UserPlus } from 'lucide-react';
import { useState } from 'react';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import type { User } from '../../../shared/schemas/security.schema.js';
import { useStudioStore } from '../state/studio-store.js';
import { Button, IconButton } from '../ui/Button.js';
import { Toggle, TextInput } from '../ui/fields.js';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog.js';
import { FormDialog } from './FormDialog.js';
import { SectionHeader } from './SectionHeader.js';
import { ActionsColumn, EnabledSwitch } from './table-parts.js';
import { useSecurityAction, useSecurityForm } from './use-security-change.js';

/** Users: who calls keyed endpoints. Add, enable or disable, delete (with their keys). */
export function UsersSection() {
  const { client, security, apiKeys, navigate, setApiKeyUser } = useStudioStore(
    useShallow((state) => ({
      client: state.client!,
      security: state.security,
      apiKeys: state.apiKeys,
      navigate: state.navigate,
      setApiKeyUser: state.setApiKeyUser,
    })),
  );
  const change = useSecurityAction();
  const [adding, setAdding] = useState(false);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const users = security?.users ?? [];
  const groupsOf = (user: string) => security?.userGroups.filter((group) => group.users.includes(user)).map((group) => group.name) ?? [];
  const activeKeys = (user: string) => apiKeys?.filter((key) => key.user === user && key.status === 'active').length ?? 0;

  const askDelete = (user: User) =>
    setConfirm({
      title: `Delete user “${user.name}”?`,
      confirmLabel: 'Delete user',
      body: (
        <p>
          Its API keys ({activeKeys(user.name)} active) stop working at once, and it leaves its groups
          {groupsOf(user.name).length ? ` (${groupsOf(user.name).join(', ')})` : ''}. This cannot be undone.
        </p>
      ),
      run: () => change(() => client.security.deleteUser(user.name), `Deleted user “${user.name}”`),
    });

  return (
    <>
      <SectionHeader
        title="Users"
        description="Who calls keyed endpoints. A user’s API keys work while it is enabled and holds “Use API Key” through a role."
        action={
          <Button variant="primary" icon={<UserPlus size={15} />} onPress={() => setAdding(true)}>
            Add user
          </Button>
        }
      />
      <Table aria-label="Users" className="admin-table">
        <TableHeader>
          <Column isRowHeader>Name</Column>
          <Column>Enabled</Column>
          <Column>Groups</Column>
          <Column>Active API keys</Column>
          <ActionsColumn />
        </TableHeader>
        <TableBody items={users} renderEmptyState={() => <p className="admin-empty">No users yet. Add one to give it API keys.</p>}>
          {(user) => (
            <Row id={user.name}>
              <Cell>
                <span className="admin-name">{user.name}</span>
              </Cell>
              <Cell>
                <EnabledSwitch
                  name={user.name}
                  enabled={user.enabled}
                  onChange={(enabled) =>
                    void change(() => client.security.setUserEnabled(user.name, enabled), `${enabled ? 'Enabled' : 'Disabled'} “${user.name}”`)
                  }
                />
              </Cell>
              <Cell>{groupsOf(user.name).join(', ') || <span className="admin-muted">none</span>}</Cell>
              <Cell>{activeKeys(user.name)}</Cell>
              <Cell>
                <div className="admin-row-actions">
                  <IconButton
                    label={`API keys of ${user.name}`}
                    icon={<KeyRound size={15} />}
                    onPress={() => {
                      setApiKeyUser(user.name);
                      navigate({ view: 'admin', section: 'api-keys' });
                    }}
                  />
                  <IconButton label={`Delete user ${user.name}`} icon={<Trash2 size={15} />} onPress={() => askDelete(user)} />
                </div>
              </Cell>
            </Row>
          )}
        </TableBody>
      </Table>
      <AddUserDialog isOpen={adding} onClose={() => setAdding(false)} />
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </>
  );
}

const USER_FIELDS = ['name'] as const;

function AddUserDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const client = useStudioStore((state) => state.client!);
  const [name, setName] = useState('');
  const [enabled, setEnabled] = useState(true);
  const { busy, problems, submit, reset } = useSecurityForm(USER_FIELDS);
  const close = () => {
    setName('');
    setEnabled(true);
    reset();
    onClose();
  };
  return (
    <FormDialog
      title="Add user"
      isOpen={isOpen}
      onClose={close}
      submitLabel="Add user"
      busy={busy}
      formError={problems.form}
      onSubmit={() => void submit(() => client.security.addUser(name, enabled), close, `Added user “${name.trim()}”`)}
    >
      <TextInput label="Name" value={name} onChange={setName} error={problems.fields.name} autoFocus isRequired description="1-100 characters; no “/”." />
      <Toggle label="Enabled" description="A disabled user’s API keys are refused." isSelected={enabled} onChange={setEnabled} />
    </FormDialog>
  );
}
