import { z } from 'zod';
import { defineNodeType } from './node-type.js';
import { expressionField, positiveIntegerField, textField } from './fields.js';

/** Emits the rows of an application table that match. */
export const readTableNode = defineNodeType({
  type: 'readTable',
  label: 'Read Table',
  category: 'Data',
  description: 'Emits one record per matching row of a table, the row alone.',
  icon: 'M3 3h18v18H3zm2 4v4h6V7zm8 0v4h6V7zm-8 6v6h6v-6zm8 0v6h6v-6z',
  inputs: ['in'],
  outputs: ['out'],
  configSchema: z
    .object({
      table: textField('Table', undefined, 'table'),
      where: expressionField('Where', 'JSONata per row; the row is the input, the arriving record is $in').optional(),
      orderBy: textField('Order by', 'A column; -column for descending', 'column').optional(),
      limit: positiveIntegerField('Limit').optional(),
    })
    .strict(),
  defaults: () => ({ table: '' }),
});
