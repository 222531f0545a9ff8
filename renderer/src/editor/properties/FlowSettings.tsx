import { AlertTriangle } from 'lucide-react';
import { apiInputNode } from '../../../../shared/node-types/api-input.node.js';
import { triggerPath } from '../../../../shared/urls.js';
import type { ApiSettings } from '../../../../shared/schemas/actionflow.schema.js';
import { Choice, FormSection, TextInput, Toggle } from '../../ui/fields.js';
import { useFlowEditor } from '../flow-store-context.js';
import { AttributeNamesEditor } from './AttributeNamesEditor.js';
import { problemAt, useFormContext } from './form-context.js';
import { ListEditor } from './ListEditor.js';
import { TriggerUrl } from './TriggerUrl.js';

const ENDPOINT_DEFAULTS: ApiSettings = { enabled: true, allowAnonymous: false, mode: 'sync', timeoutMs: null, cors: null };
const MODES = [
  { id: 'sync', label: 'Synchronous' },
  { id: 'async', label: 'Asynchronous' },
] as const;
const parametersField = apiInputNode.configSchema.shape.parameters;

/**
 * The timeout as typed: empty is the default (null), digits a number; anything else is kept as
 * typed so that validation points at it instead of it silently becoming the default.
 */
function parseTimeout(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : (trimmed as unknown as number);
}

/** The flow's own settings, and an API endpoint's: the panel shown when no node is selected. */
export function FlowSettings() {
  const { application, name, description, api, savedName, dirty, apiInput, apiInputIndex, updateFlow, updateNode } = useFlowEditor((state) => {
    const apiInputIndex = state.nodes.findIndex((node) => node.data.type === 'apiInput');
    return {
      application: state.application,
      name: state.name,
      description: state.description,
      api: state.api,
      savedName: state.savedName,
      dirty: state.dirty,
      apiInput: state.nodes[apiInputIndex],
      apiInputIndex,
      updateFlow: state.updateFlow,
      updateNode: state.updateNode,
    };
  });
  const { problems, beginEdit, endEdit } = useFormContext();
  const editing = { onFocus: beginEdit, onBlur: endEdit };
  const setApi = (patch: Partial<ApiSettings>) => updateFlow({ api: { ...(api ?? ENDPOINT_DEFAULTS), ...patch } });
  const parameters = (apiInput?.data.config.parameters as unknown[] | undefined) ?? [];

  return (
    <div className="flow-settings" data-testid="flow-settings">
      <FormSection title="Actionflow">
        <TextInput label="Name" value={name} onChange={(next) => updateFlow({ name: next })} {...editing} error={problemAt(problems, ['name'])} />
        {api?.enabled && name.trim() !== '' && name.trim() !== savedName && (
          <p className="callout callout-warning" role="note" data-testid="rename-url-change">
            <AlertTriangle size={16} aria-hidden="true" />
            <span>
              Saving changes this endpoint’s URL from <code>{triggerPath({ application, actionflow: savedName })}</code> to{' '}
              <code>{triggerPath({ application, actionflow: name.trim() })}</code>: callers of the old URL will get 404.
            </span>
          </p>
        )}
        <TextInput label="Description" multiline value={description} onChange={(next) => updateFlow({ description: next })} {...editing} />
        <Toggle
          label="API endpoint"
          description="Answers HTTP calls at its trigger URL."
          isSelected={api !== undefined}
          onChange={(on) => updateFlow({ api: on ? ENDPOINT_DEFAULTS : undefined })}
        />
      </FormSection>
      {api && (
        <FormSection title="Endpoint">
          <TriggerUrl application={application} actionflow={savedName} pending={dirty} enabled={api.enabled} />
          <Toggle
            label="Enabled"
            description="A disabled endpoint keeps its settings and answers 404."
            isSelected={api.enabled}
            onChange={(enabled) => setApi({ enabled })}
          />
          <Toggle
            label="Allow Anonymous Connections"
            description="Callers need no API key; the run is performed by “system”."
            isSelected={api.allowAnonymous}
            onChange={(allowAnonymous) => setApi({ allowAnonymous })}
          />
          <Choice
            label="API Mode"
            description={api.mode === 'sync' ? 'The caller waits for the result.' : 'The caller gets 202 and a poll URL when the run outlasts the timeout.'}
            value={api.mode}
            options={MODES}
            onChange={(mode) => setApi({ mode: mode as ApiSettings['mode'] })}
          />
          <TextInput
            label="Timeout (ms)"
            inputMode="numeric"
            placeholder={api.mode === 'sync' ? 'Default: 60000' : 'Default: 500'}
            value={api.timeoutMs === null ? '' : String(api.timeoutMs)}
            onChange={(next) => setApi({ timeoutMs: parseTimeout(next) })}
            description="How long a call waits for the run. A caller’s ?timeout= parameter overrides it."
            error={problemAt(problems, ['api', 'timeoutMs'])}
            {...editing}
          />
          {apiInput ? (
            <ListEditor
              schema={parametersField}
              title="Input parameters"
              description="Read from the query string of the trigger URL; each becomes an attribute of the input record."
              value={parameters}
              path={['nodes', apiInputIndex, 'config', 'parameters']}
              onChange={(next) => {
                const { parameters: _old, ...rest } = apiInput.data.config;
                updateNode(apiInput.id, { config: next.length ? { ...rest, parameters: next } : rest });
              }}
            />
          ) : (
            <p className="field-error">Add an API Input node: an endpoint needs one.</p>
          )}
          <Toggle
            label="Allow cross-origin calls (CORS)"
            description="Lets web pages on other origins call this endpoint."
            isSelected={api.cors !== null}
            onChange={(on) => setApi({ cors: on ? { origins: ['*'] } : null })}
          />
          {api.cors && (
            <AttributeNamesEditor
              label="Allowed origins"
              description='"*" or scheme://host[:port]; press Enter after each.'
              value={api.cors.origins}
              error={problems.find((problem) => problem.path.startsWith('$.api.cors'))?.message}
              onChange={(origins) => setApi({ cors: { origins } })}
            />
          )}
        </FormSection>
      )}
    </div>
  );
}
