import { z } from 'zod';
import { defineNodeType } from './node-type.js';
import { textField } from './fields.js';

/** Runs another actionflow inside this run. */
export const callFlowNode = defineNodeType({
  type: 'callFlow',
  label: 'Call Flow',
  category: 'Integration',
  description: 'Runs another actionflow with the record as its input; emits what reaches its outputs.',
  icon: 'M19 19H5V5h7V3H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14c1.1 0 2-.9 2-2v-7h-2v7zM14 3v2h3.59l-9.83 9.83 1.41 1.41L19 6.41V10h2V3h-7z',
  inputs: ['in'],
  outputs: ['out'],
  configSchema: z
    .object({
      application: textField('Application', undefined, 'application'),
      actionflow: textField('Actionflow', undefined, 'actionflow'),
    })
    .strict(),
  defaults: () => ({ application: '', actionflow: '' }),
});
