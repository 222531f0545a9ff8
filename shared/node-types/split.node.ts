import { z } from 'zod';
import { defineNodeType } from './node-type.js';
import { expressionField } from './fields.js';

/** One record per element of a value. */
export const splitNode = defineNodeType({
  type: 'split',
  label: 'Split',
  category: 'Transform',
  description: 'Emits one record per element of the value; objects merge into the record, other values become item.',
  icon: 'M4 4h6v2H7.4l4.6 4.6L16.6 6H14V4h6v6h-2V7.4l-5 5V20h-2v-7.6l-5-5V10H4z',
  inputs: ['in'],
  outputs: ['out'],
  configSchema: z.object({ expression: expressionField('Expression', 'JSONata; an array gives one record per element') }).strict(),
  defaults: () => ({ expression: 'items' }),
});
