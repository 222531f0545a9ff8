import { z } from 'zod';
import { defineNodeType } from './node-type.js';
import { expressionField, textField } from './fields.js';

/** Writes a value to the run's console entry. */
export const debugNode = defineNodeType({
  type: 'debug',
  label: 'Debug',
  category: 'Diagnostics',
  description: 'Writes a value (by default the record) to the System Console; passes the record on.',
  icon: 'M20 8h-2.81a6 6 0 0 0-1.82-1.96L17 4.41 15.59 3l-2.17 2.17a6.1 6.1 0 0 0-2.83 0L8.41 3 7 4.41l1.62 1.63C7.88 6.55 7.26 7.22 6.81 8H4v2h2.09c-.05.33-.09.66-.09 1v1H4v2h2v1c0 .34.04.67.09 1H4v2h2.81a6 6 0 0 0 10.38 0H20v-2h-2.09c.05-.33.09-.66.09-1v-1h2v-2h-2v-1c0-.34-.04-.67-.09-1H20zm-6 8h-4v-2h4zm0-4h-4v-2h4z',
  inputs: ['in'],
  outputs: ['out'],
  configSchema: z
    .object({
      expression: expressionField('Expression', 'JSONata; the record when empty').optional(),
      label: textField('Label').optional(),
    })
    .strict(),
  defaults: () => ({}),
});
