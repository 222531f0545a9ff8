import { Column, Switch } from 'react-aria-components';

/** The last column of an admin table: the row's buttons, named for screen readers only. */
export function ActionsColumn() {
  return (
    <Column>
      <span className="visually-hidden">Actions</span>
    </Column>
  );
}

/** A row's enabled switch, named for its item (“crm-client enabled”), showing the state in words. */
export function EnabledSwitch({ name, enabled, onChange }: { name: string; enabled: boolean; onChange: (enabled: boolean) => void }) {
  return (
    <Switch className="switch" aria-label={`${name} enabled`} isSelected={enabled} onChange={onChange}>
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span className="switch-label">{enabled ? 'Enabled' : 'Disabled'}</span>
    </Switch>
  );
}
