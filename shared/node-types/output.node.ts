import { z } from 'zod';
import { defineNodeType } from './node-type.js';
import { attributeNamesField } from './fields.js';

/** A named output: records reaching it are returned at `$.data.<name>`. */
export const outputNode = defineNodeType({
  type: 'output',
  label: 'Output',
  category: 'Output',
  description: 'Returns the records that reach it at $.data.<node name>, in arrival order.',
  icon: 'M17 7l-1.41 1.41L18.17 11H8v2h10.17l-2.58 2.58L17 17l5-5zM4 5h8V3H4c-1.1 0-2 .9-2 2v14c0 1.1.9 2 2 2h8v-2H4V5z',
  inputs: ['in'],
  outputs: [],
  configSchema: z.object({ attributes: attributeNamesField('Attributes', 'Trim each record to these; all attributes when empty').optional() }).strict(),
  defaults: () => ({}),
});
