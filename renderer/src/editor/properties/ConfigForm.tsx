import type { z } from 'zod';
import type { PathSegment } from '../../../../shared/json-path.js';
import { FieldEditor } from './FieldEditor.js';
import { isOptional, objectShape } from './schema-shape.js';

export interface ConfigFormProps {
  schema: z.ZodType;
  value: Record<string, unknown>;
  onChange: (value: Record<string, unknown>) => void;
  path: PathSegment[];
  /** Fields edited elsewhere (the API input's parameters are part of the endpoint's settings). */
  omit?: readonly string[];
}

/** A form generated from an object schema: one field editor per annotated key, in declaration order. */
export function ConfigForm({ schema, value, onChange, path, omit = [] }: ConfigFormProps) {
  return (
    <div className="config-form">
      {objectShape(schema)
        .filter(([key]) => !omit.includes(key))
        .map(([key, field]) => (
          <FieldEditor
            key={key}
            schema={field}
            value={value[key]}
            siblings={value}
            optional={isOptional(field)}
            path={[...path, key]}
            onChange={(next) => {
              const { [key]: _previous, ...rest } = value;
              onChange(next === undefined ? rest : { ...rest, [key]: next });
            }}
          />
        ))}
    </div>
  );
}
