import { CompactSelect } from '../ui/CompactSelect.js';
import { endpointId, type EndpointChoice } from './endpoints.js';
import type { EndpointRef } from './try-it-request.js';

/** Chooses the endpoint Try it calls. */
export function EndpointPicker({
  choices,
  target,
  onChange,
}: {
  choices: readonly EndpointChoice[];
  target: EndpointRef | null;
  onChange: (target: EndpointRef) => void;
}) {
  const selected = target ? endpointId(target) : null;
  return (
    <CompactSelect
      label="Endpoint"
      className="endpoint-picker"
      placeholder="Choose an endpoint…"
      value={choices.some((choice) => choice.id === selected) ? selected : null}
      options={choices}
      emptyText="No API endpoints yet."
      renderOption={(choice) => (
        <>
          {choice.id}
          {!choice.api.enabled && <span className="badge badge-muted">Disabled</span>}
        </>
      )}
      onChange={(id) => {
        const choice = choices.find((candidate) => candidate.id === id);
        if (choice) onChange({ application: choice.application, actionflow: choice.actionflow });
      }}
    />
  );
}
