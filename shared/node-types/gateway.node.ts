import { z } from 'zod';
import { defineNodeType } from './node-type.js';
import { expressionField } from './fields.js';

/** Sends each record to `true` or `false`. */
export const gatewayNode = defineNodeType({
  type: 'gateway',
  label: 'Gateway',
  category: 'Route',
  description: 'Sends the record to true or false by a condition.',
  icon: 'M14 4l2.29 2.29-2.88 2.88 1.42 1.42 2.88-2.88L20 10V4zm-4 0H4v6l2.29-2.29 4.71 4.7V20h2v-8.41l-5.29-5.3z',
  inputs: ['in'],
  outputs: ['true', 'false'],
  configSchema: z.object({ condition: expressionField('Condition', 'JSONata; true when $boolean() of its value is true') }).strict(),
  defaults: () => ({ condition: 'true' }),
});
