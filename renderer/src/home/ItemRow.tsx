import type { ReactNode } from 'react';
import { formatRoute, type Route } from '../state/routes.js';
import { useStudioStore } from '../state/studio-store.js';

export interface ItemRowProps {
  testId: string;
  icon: ReactNode;
  /** `is-endpoint`, `is-flow` or `is-table`: the icon's colour. */
  kind: string;
  name: string;
  description?: string | undefined;
  /** Where the name leads. */
  route: Route;
  /** Badges, times and the item's menu, at the end of the row. */
  children: ReactNode;
}

/** One actionflow or table on the home: icon, name (a link to open it), description, then extras. */
export function ItemRow({ testId, icon, kind, name, description, route, children }: ItemRowProps) {
  const navigate = useStudioStore((state) => state.navigate);
  return (
    <li className="item-row" data-testid={testId}>
      <span className={`item-icon ${kind}`}>{icon}</span>
      <a
        className="item-main"
        href={formatRoute(route)}
        onClick={(event) => {
          event.preventDefault();
          navigate(route);
        }}
      >
        <span className="item-name">{name}</span>
        {description && <span className="item-description">{description}</span>}
      </a>
      {children}
    </li>
  );
}
