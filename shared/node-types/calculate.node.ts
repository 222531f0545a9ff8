import { z } from 'zod';
import { defineNodeType } from './node-type.js';
import { expressionField, listField, textField } from './fields.js';

const attributeSchema = z
  .object({
    name: textField('Attribute'),
    expression: expressionField('Expression', 'JSONata; sees the record and the attributes set above it'),
  })
  .strict();

/** Sets attributes on each record, in order. */
export const calculateNode = defineNodeType({
  type: 'calculate',
  label: 'Calculate',
  category: 'Transform',
  description: 'Sets attributes on the record, each from an expression, in order.',
  icon: 'M18 4H6v2l6.5 6L6 18v2h12v-3h-7l5-5-5-5h7z',
  inputs: ['in'],
  outputs: ['out'],
  configSchema: z.object({ attributes: listField(attributeSchema, 'Attributes').default([]) }).strict(),
  defaults: () => ({ attributes: [{ name: 'result', expression: '$' }] }),
});
