import type { z } from 'zod';
import { fieldMeta } from '../../../../shared/node-types/fields.js';
import type { PathSegment } from '../../../../shared/json-path.js';
import { Choice, SuggestInput, TextInput, Toggle } from '../../ui/fields.js';
import { ExpressionEditor } from '../../ui/code-editors.js';
import { AttributeNamesEditor } from './AttributeNamesEditor.js';
import { problemAt, useFormContext } from './form-context.js';
import { ListEditor } from './ListEditor.js';
import { ExpressionPreview } from '../run-view/ExpressionPreview.js';
import { usePreviewRecord } from '../run-view/preview-record.js';
import { enumOptions } from './schema-shape.js';
import { useReachingAttributes } from './use-reaching-attributes.js';

export interface FieldEditorProps {
  schema: z.ZodType;
  value: unknown;
  /** `undefined` removes the key (an optional field left empty). */
  onChange: (value: unknown) => void;
  /** The field's JSON path in the flow, to find its problems. */
  path: PathSegment[];
  /** The object the field belongs to: a column field looks up its table there. */
  siblings: Record<string, unknown>;
  optional: boolean;
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** One config field, edited with the widget its schema annotation names (see shared/node-types/fields.ts). */
export function FieldEditor({ schema, value, onChange, path, siblings, optional }: FieldEditorProps) {
  const context = useFormContext();
  const preview = usePreviewRecord();
  const attributes = useReachingAttributes(path);
  const meta = fieldMeta(schema);
  if (!meta) return null;
  const error = problemAt(context.problems, path);
  const emptyAs = (next: string) => onChange(next === '' && optional ? undefined : next);
  const editing = { onFocus: context.beginEdit, onBlur: context.endEdit };
  const application = context.workspace?.applications.find((app) => app.name === context.application);
  const common = { label: meta.title, description: meta.description, error };

  switch (meta.widget) {
    case 'expression':
    case 'template': {
      const editor = (
        <ExpressionEditor
          {...common}
          {...editing}
          mode={meta.widget}
          value={text(value)}
          onChange={emptyAs}
          placeholder={meta.placeholder}
          attributes={attributes}
        />
      );
      if (meta.widget !== 'expression' || !preview) return editor;
      return (
        <div className="expression-with-preview">
          {editor}
          <ExpressionPreview expression={text(value)} record={preview.record} />
        </div>
      );
    }
    case 'boolean':
      // A field left out shows its schema default (what the server stores), not off.
      return <Toggle label={meta.title} description={meta.description} isSelected={(value ?? schema.safeParse(undefined).data) === true} onChange={onChange} />;
    case 'select':
      return (
        <Choice
          {...common}
          value={value === undefined ? null : text(value)}
          options={enumOptions(schema).map((id) => ({ id, label: id }))}
          onChange={onChange}
        />
      );
    case 'integer':
      return (
        <TextInput
          {...common}
          {...editing}
          inputMode="numeric"
          value={text(value)}
          placeholder={meta.placeholder}
          onChange={(next) => {
            const trimmed = next.trim();
            if (trimmed === '') onChange(optional ? undefined : '');
            else onChange(/^-?\d+$/.test(trimmed) ? Number(trimmed) : next);
          }}
        />
      );
    case 'table':
      return (
        <SuggestInput {...common} {...editing} value={text(value)} onChange={emptyAs} suggestions={application?.tables.map((table) => table.name) ?? []} />
      );
    case 'column': {
      const tableName = Object.entries(siblings).find(([key]) => key === 'table')?.[1];
      const table = application?.tables.find((candidate) => candidate.name === tableName);
      return <SuggestInput {...common} {...editing} value={text(value)} onChange={emptyAs} suggestions={table?.columns.map((column) => column.name) ?? []} />;
    }
    case 'application':
      return (
        <SuggestInput
          {...common}
          {...editing}
          value={text(value)}
          onChange={emptyAs}
          suggestions={context.workspace?.applications.map((app) => app.name) ?? []}
        />
      );
    case 'actionflow': {
      const appName = typeof siblings.application === 'string' ? siblings.application : context.application;
      const target = context.workspace?.applications.find((app) => app.name === appName);
      return <SuggestInput {...common} {...editing} value={text(value)} onChange={emptyAs} suggestions={target?.actionflows.map((flow) => flow.name) ?? []} />;
    }
    case 'attributeNames':
      return (
        <AttributeNamesEditor
          {...common}
          value={Array.isArray(value) ? value.map(String) : []}
          onChange={(next) => onChange(next.length === 0 && optional ? undefined : next)}
        />
      );
    case 'list':
      return (
        <ListEditor
          schema={schema}
          title={meta.title}
          description={meta.description}
          value={Array.isArray(value) ? value : []}
          onChange={(next) => onChange(next.length === 0 && optional ? undefined : next)}
          path={path}
        />
      );
    case 'text':
    default:
      return <TextInput {...common} {...editing} value={text(value)} onChange={emptyAs} placeholder={meta.placeholder} />;
  }
}
