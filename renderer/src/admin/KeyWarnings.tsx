import { AlertTriangle } from 'lucide-react';

/** What the server warns about a key it has just made (e.g. its user cannot call anything yet), each announced as it appears. */
export function KeyWarnings({ warnings }: { warnings: readonly string[] | undefined }) {
  return warnings?.map((warning) => (
    <p key={warning} className="callout callout-warning" role="alert">
      <AlertTriangle size={16} aria-hidden="true" />
      <span>{warning}</span>
    </p>
  ));
}
