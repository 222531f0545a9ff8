import type { FlowSummary, WorkspaceSummary } from '../../../shared/dto/workspace.dto.js';
import type { EndpointRef } from './try-it-request.js';

/** An API endpoint of the workspace, as Try it offers it. */
export interface EndpointChoice extends EndpointRef {
  /** `Application / Actionflow`, also the choice's id. */
  id: string;
  api: NonNullable<FlowSummary['api']>;
}

export const endpointId = (target: EndpointRef): string => `${target.application} / ${target.actionflow}`;

/** Every flow that is an API endpoint, application by application (disabled ones too: they answer 404, which is worth seeing). */
export function endpointChoices(workspace: WorkspaceSummary | null): EndpointChoice[] {
  return (workspace?.applications ?? []).flatMap((app) =>
    app.actionflows.flatMap((flow) =>
      flow.api ? [{ id: endpointId({ application: app.name, actionflow: flow.name }), application: app.name, actionflow: flow.name, api: flow.api }] : [],
    ),
  );
}
