import type { ReactNode } from 'react';

/** The head of an admin screen: its title, what it is for, and its main action. */
export function SectionHeader({ title, description, action }: { title: string; description: ReactNode; action?: ReactNode }) {
  return (
    <header className="admin-section-header">
      <div>
        <h2 className="admin-section-title">{title}</h2>
        <p className="admin-section-description">{description}</p>
      </div>
      {action}
    </header>
  );
}
