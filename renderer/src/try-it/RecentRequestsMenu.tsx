import { History } from 'lucide-react';
import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { useStudioStore } from '../state/studio-store.js';
import { queryString } from './try-it-request.js';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The requests last sent to this endpoint (this browser remembers ten, without keys); choosing one puts it back in the form. */
export function RecentRequestsMenu() {
  const { recent, edit } = useStudioStore(useShallow((state) => ({ recent: state.tryItRecent, edit: state.editTryItRequest })));
  return (
    <MenuTrigger>
      <AriaButton className="btn btn-secondary btn-sm" isDisabled={recent.length === 0} aria-label="Recent requests">
        <History size={14} aria-hidden="true" />
        <span className="btn-label">Recent</span>
      </AriaButton>
      <Popover className="popover" placement="bottom end" offset={4}>
        <Menu className="menu recent-menu" onAction={(key) => edit(recent[Number(key)]!.request)}>
          {recent.map((entry, index) => (
            <MenuItem
              key={index}
              id={String(index)}
              className="menu-item recent-item"
              textValue={`${entry.request.method} ${queryString(entry.request.query)}`}
            >
              <span className="recent-method">{entry.request.method}</span>
              <span className="recent-summary">
                {queryString(entry.request.query) || (entry.request.method === 'POST' ? entry.request.body.replace(/\s+/g, ' ').slice(0, 48) : '(no query)')}
              </span>
              <span className="recent-status">{entry.status ?? 'no reply'}</span>
              <span className="recent-time">{time.format(entry.sentAt)}</span>
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
