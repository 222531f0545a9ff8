import { MoreHorizontal } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover, Separator } from 'react-aria-components';

export interface MenuAction {
  id: string;
  label: string;
  icon?: ReactNode;
  danger?: boolean;
  /** Draws a line above this item. */
  separated?: boolean;
  run: () => void;
}

/** A "more" button opening a menu of actions on one item. */
export function ActionMenu({ label, actions }: { label: string; actions: readonly MenuAction[] }) {
  return (
    <MenuTrigger>
      <AriaButton className="btn btn-icon btn-ghost" aria-label={label}>
        <MoreHorizontal size={16} />
      </AriaButton>
      <Popover className="popover" placement="bottom end" offset={4}>
        <Menu className="menu" onAction={(key) => actions.find((action) => action.id === key)?.run()}>
          {actions.flatMap((action) => [
            ...(action.separated ? [<Separator key={`${action.id}-separator`} className="menu-separator" />] : []),
            <MenuItem key={action.id} id={action.id} className={`menu-item${action.danger ? ' is-danger' : ''}`} textValue={action.label}>
              {action.icon}
              <span>{action.label}</span>
            </MenuItem>,
          ])}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
