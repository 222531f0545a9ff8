import { z } from 'zod';
import { defineNodeType } from './node-type.js';
import { expressionField, textField } from './fields.js';

/** Gathers every record that can reach it into one record (or one per group). */
export const aggregateNode = defineNodeType({
  type: 'aggregate',
  label: 'Aggregate',
  category: 'Transform',
  description: 'Waits for every record that can reach it, then emits them together, optionally grouped.',
  icon: 'M4 20h6v-2H7.4l4.6-4.6 4.6 4.6H14v2h6v-6h-2v2.6l-5-5V4h-2v7.6l-5 5V14H4z',
  inputs: ['in'],
  outputs: ['out'],
  configSchema: z
    .object({
      into: textField('Into', 'The attribute that holds the gathered records').default('items'),
      groupBy: expressionField('Group by', 'JSONata; one record {key, <into>} per distinct value').optional(),
    })
    .strict(),
  defaults: () => ({ into: 'items' }),
});
