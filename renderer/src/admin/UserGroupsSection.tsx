import { Pencil, Trash2, UsersRound } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import type { UserGroup } from '../../../shared/schemas/security.schema.js';
import { useStudioStore } from '../state/studio-store.js';
import { Button, IconButton } from '../ui/Button.js';
import { TextInput } from '../ui/fields.js';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog.js';
import { FormDialog } from './FormDialog.js';
import { NameChecklist } from './NameChecklist.js';
import { SectionHeader } from './SectionHeader.js';
import { ActionsColumn } from './table-parts.js';
import { useSecurityAction, useSecurityForm } from './use-security-change.js';

/** User groups: roles grant privileges to groups, and a user holds what its groups are granted. */
export function UserGroupsSection() {
  const { client, security } = useStudioStore(useShallow((state) => ({ client: state.client!, security: state.security })));
  const change = useSecurityAction();
  const [editing, setEditing] = useState<UserGroup | 'new' | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const groups = security?.userGroups ?? [];
  const rolesOf = (group: string) => security?.roles.filter((role) => role.userGroups.includes(group)).map((role) => role.name) ?? [];

  const askDelete = (group: UserGroup) => {
    const roles = rolesOf(group.name);
    setConfirm({
      title: `Delete user group “${group.name}”?`,
      confirmLabel: 'Delete group',
      body: (
        <p>
          {roles.length
            ? `The roles ${roles.map((role) => `“${role}”`).join(', ')} stop granting their privileges to its ${group.users.length} member(s).`
            : 'No role lists it.'}{' '}
          Its users are kept.
        </p>
      ),
      run: () => change(() => client.security.deleteUserGroup(group.name), `Deleted user group “${group.name}”`),
    });
  };

  return (
    <>
      <SectionHeader
        title="User groups"
        description="Roles grant privileges to groups; a user holds what the groups it belongs to are granted."
        action={
          <Button variant="primary" icon={<UsersRound size={15} />} onPress={() => setEditing('new')}>
            Add user group
          </Button>
        }
      />
      <Table aria-label="User groups" className="admin-table">
        <TableHeader>
          <Column isRowHeader>Name</Column>
          <Column>Members</Column>
          <Column>Roles</Column>
          <ActionsColumn />
        </TableHeader>
        <TableBody items={groups} renderEmptyState={() => <p className="admin-empty">No user groups yet.</p>}>
          {(group) => (
            <Row id={group.name}>
              <Cell>
                <span className="admin-name">{group.name}</span>
              </Cell>
              <Cell>{group.users.join(', ') || <span className="admin-muted">no members</span>}</Cell>
              <Cell>{rolesOf(group.name).join(', ') || <span className="admin-muted">none</span>}</Cell>
              <Cell>
                <div className="admin-row-actions">
                  <IconButton label={`Edit members of ${group.name}`} icon={<Pencil size={15} />} onPress={() => setEditing(group)} />
                  <IconButton label={`Delete user group ${group.name}`} icon={<Trash2 size={15} />} onPress={() => askDelete(group)} />
                </div>
              </Cell>
            </Row>
          )}
        </TableBody>
      </Table>
      <GroupDialog group={editing} users={security?.users.map((user) => user.name) ?? []} onClose={() => setEditing(null)} />
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </>
  );
}

const GROUP_FIELDS = ['name', 'users'] as const;
const locateGroupProblem = (message: string) => (message.startsWith('user "') ? 'users' : undefined);

/** Adds a group (`'new'`) or replaces a group's members. */
function GroupDialog({ group, users, onClose }: { group: UserGroup | 'new' | null; users: string[]; onClose: () => void }) {
  const client = useStudioStore((state) => state.client!);
  const [name, setName] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const { busy, problems, submit, reset } = useSecurityForm(GROUP_FIELDS, locateGroupProblem);
  const isNew = group === 'new';
  useEffect(() => {
    setName(group && group !== 'new' ? group.name : '');
    setMembers(group && group !== 'new' ? group.users : []);
    reset();
  }, [group, reset]);

  const save = () =>
    isNew
      ? submit(() => client.security.addUserGroup(name, members), onClose, `Added user group “${name.trim()}”`)
      : submit(() => client.security.setGroupMembers(name, members), onClose, `Saved the members of “${name}”`);

  return (
    <FormDialog
      title={isNew ? 'Add user group' : `Members of “${name}”`}
      isOpen={group !== null}
      onClose={onClose}
      submitLabel={isNew ? 'Add group' : 'Save members'}
      busy={busy}
      formError={problems.form}
      onSubmit={() => void save()}
    >
      {isNew && <TextInput label="Name" value={name} onChange={setName} error={problems.fields.name} autoFocus isRequired />}
      <NameChecklist label="Members" names={users} value={members} onChange={setMembers} empty="No users yet: add users first." error={problems.fields.users} />
    </FormDialog>
  );
}
