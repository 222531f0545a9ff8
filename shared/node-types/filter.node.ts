import { z } from 'zod';
import { defineNodeType } from './node-type.js';
import { expressionField } from './fields.js';

/** Passes on the records for which a condition holds. */
export const filterNode = defineNodeType({
  type: 'filter',
  label: 'Filter',
  category: 'Route',
  description: 'Passes the record on when the condition holds; drops it otherwise.',
  icon: 'M4.25 5.61C6.27 8.2 10 13 10 13v6c0 .55.45 1 1 1h2c.55 0 1-.45 1-1v-6s3.72-4.8 5.74-7.39A1 1 0 0 0 18.95 4H5.04c-.83 0-1.3.95-.79 1.61z',
  inputs: ['in'],
  outputs: ['out'],
  configSchema: z.object({ condition: expressionField('Condition', 'JSONata; the record passes when $boolean() of its value is true') }).strict(),
  defaults: () => ({ condition: 'true' }),
});
