import { CircleHelp } from 'lucide-react';
import { Dialog, DialogTrigger, Heading, Popover } from 'react-aria-components';
import { fieldMeta } from '../../../../shared/node-types/fields.js';
import type { NodeTypeDeclaration } from '../../../../shared/node-types/node-type.js';
import { IconButton } from '../../ui/Button.js';
import { objectShape } from '../properties/schema-shape.js';

/** A palette entry's help, beside it: what the node does, its connection points, its settings and how a new one starts. */
export function NodeHelp({ type }: { type: NodeTypeDeclaration }) {
  const settings = objectShape(type.configSchema).flatMap(([key, schema]) => {
    const meta = fieldMeta(schema);
    return meta ? [{ key, title: meta.title, description: meta.description }] : [];
  });
  const example = JSON.stringify(type.defaults(), null, 2);
  return (
    <DialogTrigger>
      <IconButton className="palette-help-button" label={`Help on ${type.label}`} icon={<CircleHelp size={13} />} />
      <Popover className="popover node-help" placement="end top" offset={8}>
        <Dialog className="node-help-dialog" aria-label={`${type.label} help`} data-testid="node-help">
          <Heading slot="title" className="node-help-title">
            {type.label}
          </Heading>
          <p>{type.description}</p>
          <h4 className="node-help-heading">Points</h4>
          <p>
            {type.inputs.length > 0 ? `Takes records at ${type.inputs.map((point) => `“${point}”`).join(', ')}` : 'Takes no record (it starts the flow)'};{' '}
            {type.outputs.length > 0 ? `sends them on from ${type.outputs.map((point) => `“${point}”`).join(', ')}.` : 'sends nothing on (it ends a path).'}
          </p>
          {settings.length > 0 && (
            <>
              <h4 className="node-help-heading">Settings</h4>
              <dl className="node-help-settings">
                {settings.map((setting) => (
                  <div key={setting.key}>
                    <dt>{setting.title}</dt>
                    {setting.description && <dd>{setting.description}</dd>}
                  </div>
                ))}
              </dl>
            </>
          )}
          <h4 className="node-help-heading">A new one starts as</h4>
          <pre className="node-help-example">{example}</pre>
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
