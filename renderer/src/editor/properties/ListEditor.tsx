import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import type { z } from 'zod';
import type { PathSegment } from '../../../../shared/json-path.js';
import { Button, IconButton } from '../../ui/Button.js';
import { ConfigForm } from './ConfigForm.js';
import { problemAt, useFormContext } from './form-context.js';
import { arrayElement, objectShape } from './schema-shape.js';

export interface ListEditorProps {
  schema: z.ZodType;
  title: string;
  description?: string | undefined;
  value: unknown[];
  onChange: (value: unknown[]) => void;
  path: PathSegment[];
}

/** An empty item: every required text field blank, optional ones left out. */
function emptyItem(item: z.ZodType): Record<string, unknown> {
  return Object.fromEntries(
    objectShape(item)
      .filter(([, field]) => !field.safeParse(undefined).success)
      .map(([key]) => [key, '']),
  );
}

/**
 * A list of objects (attributes, parameters, headers, outputs): each item is a small form of its
 * own fields, with buttons to add, remove and reorder.
 */
export function ListEditor({ schema, title, description, value, onChange, path }: ListEditorProps) {
  const { problems } = useFormContext();
  const item = arrayElement(schema);
  if (!item) return null;
  const singular = title.replace(/s$/, '').toLowerCase();
  const replace = (index: number, next: unknown) => onChange(value.map((old, i) => (i === index ? next : old)));
  const move = (index: number, by: number) => {
    const next = [...value];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved);
    onChange(next);
  };
  const listError = problemAt(problems, path);

  return (
    <fieldset className="field list-editor">
      <legend className="field-label">{title}</legend>
      {description && <p className="field-description">{description}</p>}
      {value.length === 0 && <p className="list-empty">No {title.toLowerCase()} yet.</p>}
      <ol className="list-items">
        {value.map((entry, index) => (
          <li key={index} className="list-item">
            <div className="list-item-header">
              <span className="list-item-index">{index + 1}</span>
              <span className="list-item-actions">
                <IconButton label={`Move ${singular} ${index + 1} up`} icon={<ArrowUp size={14} />} isDisabled={index === 0} onPress={() => move(index, -1)} />
                <IconButton
                  label={`Move ${singular} ${index + 1} down`}
                  icon={<ArrowDown size={14} />}
                  isDisabled={index === value.length - 1}
                  onPress={() => move(index, 1)}
                />
                <IconButton
                  label={`Remove ${singular} ${index + 1}`}
                  icon={<Trash2 size={14} />}
                  onPress={() => onChange(value.filter((_, i) => i !== index))}
                />
              </span>
            </div>
            <ConfigForm schema={item} value={(entry ?? {}) as Record<string, unknown>} onChange={(next) => replace(index, next)} path={[...path, index]} />
          </li>
        ))}
      </ol>
      {listError && <p className="field-error">{listError}</p>}
      <Button size="sm" variant="ghost" icon={<Plus size={14} />} onPress={() => onChange([...value, emptyItem(item)])}>
        Add {singular}
      </Button>
    </fieldset>
  );
}
