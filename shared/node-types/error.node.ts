import { z } from 'zod';
import { defineNodeType } from './node-type.js';
import { expressionField } from './fields.js';

/** Fails each arriving record with a message. */
export const errorNode = defineNodeType({
  type: 'error',
  label: 'Error',
  category: 'Route',
  description: 'Fails the record with a message.',
  icon: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-2h2zm0-4h-2V7h2z',
  inputs: ['in'],
  outputs: ['out'],
  configSchema: z.object({ message: expressionField('Message', 'JSONata; e.g. "no such customer: " & id') }).strict(),
  defaults: () => ({ message: '"failed"' }),
});
