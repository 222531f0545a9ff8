import { useRef } from 'react';
import { Menu, MenuItem, Popover, Separator } from 'react-aria-components';
import type { MenuAction } from '../../ui/ActionMenu.js';

/** Where a right-click opened the canvas's menu (page coordinates), and what it offers there. */
export interface ContextMenuAt {
  x: number;
  y: number;
  actions: readonly MenuAction[];
  /** What the menu is for, read by assistive technology (default "Canvas actions"). */
  label?: string;
}

/** The canvas's right-click menu, opened at the pointer: the usual actions on a node, the selection or the canvas. */
export function CanvasContextMenu({ at, onClose }: { at: ContextMenuAt | null; onClose: () => void }) {
  const label = at?.label ?? 'Canvas actions';
  const anchor = useRef<HTMLDivElement>(null);
  return (
    <>
      <div ref={anchor} className="context-menu-anchor" style={at ? { left: at.x, top: at.y } : undefined} aria-hidden="true" />
      <Popover className="popover" triggerRef={anchor} isOpen={at !== null} onOpenChange={(open) => !open && onClose()} placement="bottom start" offset={2}>
        <Menu
          className="menu"
          aria-label={label}
          autoFocus="first"
          onAction={(key) => {
            at?.actions.find((action) => action.id === key)?.run();
            onClose();
          }}
        >
          {(at?.actions ?? []).flatMap((action) => [
            ...(action.separated ? [<Separator key={`${action.id}-separator`} className="menu-separator" />] : []),
            <MenuItem key={action.id} id={action.id} className={`menu-item${action.danger ? ' is-danger' : ''}`} textValue={action.label}>
              <span>{action.label}</span>
            </MenuItem>,
          ])}
        </Menu>
      </Popover>
    </>
  );
}
