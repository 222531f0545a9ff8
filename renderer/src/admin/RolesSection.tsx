import { Pencil, ShieldPlus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import type { Role } from '../../../shared/schemas/security.schema.js';
import { useStudioStore } from '../state/studio-store.js';
import { Button, IconButton } from '../ui/Button.js';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog.js';
import { RoleDialog } from './RoleDialog.js';
import { SectionHeader } from './SectionHeader.js';
import { ActionsColumn } from './table-parts.js';
import { useSecurityAction } from './use-security-change.js';

/** Roles: privileges granted to user groups, for one application or for all. */
export function RolesSection() {
  const { client, security } = useStudioStore(useShallow((state) => ({ client: state.client!, security: state.security })));
  const change = useSecurityAction();
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);

  const askDelete = (role: Role) =>
    setConfirm({
      title: `Delete role “${role.name}”?`,
      confirmLabel: 'Delete role',
      body: (
        <p>
          Members of {role.userGroups.length ? role.userGroups.map((group) => `“${group}”`).join(', ') : 'its groups'} lose what it grants, from their next call
          on.
        </p>
      ),
      run: () => change(() => client.security.deleteRole(role.name), `Deleted role “${role.name}”`),
    });

  return (
    <>
      <SectionHeader
        title="Roles"
        description="A role grants privileges to user groups, in one application or in every application. Keyed calls need “Use API Key”."
        action={
          <Button variant="primary" icon={<ShieldPlus size={15} />} onPress={() => setEditing('new')}>
            Add role
          </Button>
        }
      />
      <Table aria-label="Roles" className="admin-table">
        <TableHeader>
          <Column isRowHeader>Name</Column>
          <Column>Privileges</Column>
          <Column>User groups</Column>
          <Column>Application</Column>
          <ActionsColumn />
        </TableHeader>
        <TableBody items={security?.roles ?? []} renderEmptyState={() => <p className="admin-empty">No roles yet.</p>}>
          {(role) => (
            <Row id={role.name}>
              <Cell>
                <span className="admin-name">{role.name}</span>
              </Cell>
              <Cell>
                {role.privileges.length ? (
                  <span className="badges">
                    {role.privileges.map((privilege) => (
                      <span key={privilege} className="badge badge-accent">
                        {privilege}
                      </span>
                    ))}
                  </span>
                ) : (
                  <span className="admin-muted">none</span>
                )}
              </Cell>
              <Cell>{role.userGroups.join(', ') || <span className="admin-muted">none</span>}</Cell>
              <Cell>{role.application ?? <span className="admin-muted">every application</span>}</Cell>
              <Cell>
                <div className="admin-row-actions">
                  <IconButton label={`Edit role ${role.name}`} icon={<Pencil size={15} />} onPress={() => setEditing(role)} />
                  <IconButton label={`Delete role ${role.name}`} icon={<Trash2 size={15} />} onPress={() => askDelete(role)} />
                </div>
              </Cell>
            </Row>
          )}
        </TableBody>
      </Table>
      <RoleDialog role={editing} onClose={() => setEditing(null)} />
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </>
  );
}
