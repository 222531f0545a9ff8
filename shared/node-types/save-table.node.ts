import { z } from 'zod';
import { defineNodeType } from './node-type.js';
import { selectField, textField } from './fields.js';

/** Writes each record to an application table. */
export const saveTableNode = defineNodeType({
  type: 'saveTable',
  label: 'Save Table',
  category: 'Data',
  description: 'Writes the record’s attributes that are columns of the table; emits the saved row.',
  icon: 'M17 3H5c-1.11 0-2 .9-2 2v14c0 1.1.89 2 2 2h14c1.1 0 2-.9 2-2V7l-4-4zm-5 16c-1.66 0-3-1.34-3-3s1.34-3 3-3 3 1.34 3 3-1.34 3-3 3zm3-10H5V5h10v4z',
  inputs: ['in'],
  outputs: ['out'],
  configSchema: z
    .object({
      table: textField('Table', undefined, 'table'),
      mode: selectField(['insert', 'upsert'], 'Mode', 'upsert replaces the row with the same key').default('insert'),
      key: textField('Key column', 'Required for upsert', 'column').optional(),
    })
    .strict()
    .superRefine((config, ctx) => {
      if (config.mode === 'upsert' && !config.key) {
        ctx.addIssue({ code: 'custom', path: ['key'], message: 'upsert needs a key column' });
      }
    }),
  defaults: () => ({ table: '', mode: 'insert' as const }),
});
