import type { ReactNode } from 'react';
import { useStudioStore } from '../state/studio-store.js';

/** "Application / item": the application leads back to the workspace. */
export function Breadcrumbs({ application, children, after }: { application: string; children: ReactNode; after?: ReactNode }) {
  const navigate = useStudioStore((state) => state.navigate);
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumbs">
      <button type="button" className="crumb" onClick={() => navigate({ view: 'home' })}>
        {application}
      </button>
      <span className="crumb-separator" aria-hidden="true">
        /
      </span>
      <span className="crumb crumb-current" aria-current="page">
        {children}
      </span>
      {after}
    </nav>
  );
}
