import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Role } from '../../../shared/schemas/security.schema.js';
import { useStudioStore } from '../state/studio-store.js';
import { Choice, TextInput } from '../ui/fields.js';
import { FormDialog } from './FormDialog.js';
import { NameChecklist } from './NameChecklist.js';
import { useSecurityForm } from './use-security-change.js';

const ROLE_FIELDS = ['name', 'privileges', 'userGroups', 'application'] as const;
/** The server names an unknown application or group in its message, without a path. */
const locateRoleProblem = (message: string) =>
  message.startsWith('application "') ? 'application' : message.startsWith('user group "') ? 'userGroups' : undefined;

/** The "every application" choice: a role without an application covers them all. */
const EVERY_APPLICATION = '\u0000every';

/** Adds a role (`'new'`) or replaces a role's privileges, groups and application. */
export function RoleDialog({ role, onClose }: { role: Role | 'new' | null; onClose: () => void }) {
  const { client, security, workspace } = useStudioStore(
    useShallow((state) => ({ client: state.client!, security: state.security, workspace: state.workspace })),
  );
  const [name, setName] = useState('');
  const [privileges, setPrivileges] = useState<string[]>([]);
  const [groups, setGroups] = useState<string[]>([]);
  const [application, setApplication] = useState(EVERY_APPLICATION);
  const { busy, problems, submit, reset } = useSecurityForm(ROLE_FIELDS, locateRoleProblem);
  const isNew = role === 'new';
  useEffect(() => {
    const existing = role && role !== 'new' ? role : undefined;
    setName(existing?.name ?? '');
    setPrivileges(existing ? [...existing.privileges] : [...(security?.privileges.slice(0, 1) ?? [])]);
    setGroups(existing ? [...existing.userGroups] : []);
    setApplication(existing?.application ?? EVERY_APPLICATION);
    reset();
    // Starts from the role when the dialog opens; lists refreshed meanwhile do not reset what is being edited.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `security` is left out on purpose (above)
  }, [role, reset]);

  const settings = {
    privileges: privileges as Role['privileges'],
    userGroups: groups,
    ...(application === EVERY_APPLICATION ? {} : { application }),
  };
  const save = () =>
    isNew
      ? submit(() => client.security.addRole(name, settings), onClose, `Added role “${name.trim()}”`)
      : submit(() => client.security.updateRole(name, settings), onClose, `Saved role “${name}”`);
  const applications = [
    { id: EVERY_APPLICATION, label: 'Every application' },
    ...(workspace?.applications ?? []).map((app) => ({ id: app.name, label: app.name })),
  ];

  return (
    <FormDialog
      title={isNew ? 'Add role' : `Role “${name}”`}
      isOpen={role !== null}
      onClose={onClose}
      submitLabel={isNew ? 'Add role' : 'Save role'}
      busy={busy}
      formError={problems.form}
      onSubmit={() => void save()}
    >
      {isNew && <TextInput label="Name" value={name} onChange={setName} error={problems.fields.name} autoFocus isRequired />}
      <NameChecklist
        label="Privileges"
        names={security?.privileges ?? []}
        value={privileges}
        onChange={setPrivileges}
        empty="No privileges."
        error={problems.fields.privileges}
      />
      <NameChecklist
        label="User groups"
        names={security?.userGroups.map((group) => group.name) ?? []}
        value={groups}
        onChange={setGroups}
        empty="No user groups yet: add one first."
        description="The members of these groups hold the role’s privileges."
        error={problems.fields.userGroups}
      />
      <Choice
        label="Application"
        value={application}
        options={applications}
        onChange={setApplication}
        error={problems.fields.application}
        description="The role applies only to this application’s endpoints."
      />
    </FormDialog>
  );
}
