import { Plus, X } from 'lucide-react';
import { Input } from 'react-aria-components';
import type { KeyValue } from './try-it-request.js';
import { Button, IconButton } from '../ui/Button.js';

export interface KeyValueRowsProps {
  /** What a row is, in the singular: "header", "parameter". */
  noun: string;
  rows: readonly KeyValue[];
  onChange: (rows: KeyValue[]) => void;
  namePlaceholder: string;
  valuePlaceholder: string;
  /** Explains a row, e.g. the Authorization header that the key field replaces. */
  noteFor?: (row: KeyValue) => string | undefined;
}

/** Name and value rows (query parameters, headers) with add and remove; rows without a name are not sent. */
export function KeyValueRows({ noun, rows, onChange, namePlaceholder, valuePlaceholder, noteFor }: KeyValueRowsProps) {
  const update = (index: number, patch: Partial<KeyValue>) => onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <div className="kv-rows">
      {rows.length > 0 && (
        <ul className="kv-list">
          {rows.map((row, index) => {
            const note = noteFor?.(row);
            return (
              <li key={index} className="kv-row">
                <Input
                  className="input kv-name"
                  aria-label={`${noun} ${index + 1} name`}
                  placeholder={namePlaceholder}
                  value={row.name}
                  onChange={(event) => update(index, { name: event.target.value })}
                />
                <Input
                  className="input kv-value"
                  aria-label={`${noun} ${index + 1} value`}
                  placeholder={valuePlaceholder}
                  value={row.value}
                  onChange={(event) => update(index, { value: event.target.value })}
                />
                <IconButton label={`Remove ${noun} ${index + 1}`} icon={<X size={14} />} onPress={() => onChange(rows.filter((_, at) => at !== index))} />
                {note && <p className="kv-note">{note}</p>}
              </li>
            );
          })}
        </ul>
      )}
      <Button size="sm" variant="ghost" icon={<Plus size={14} />} onPress={() => onChange([...rows, { name: '', value: '' }])}>
        Add {noun}
      </Button>
    </div>
  );
}
