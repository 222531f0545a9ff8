import { z } from 'zod';
import { defineNodeType } from './node-type.js';
import { expressionField } from './fields.js';

/** The fixed output `{body, headers, contentType, statusCode}`: the first record to arrive is the reply. */
export const responseNode = defineNodeType({
  type: 'response',
  label: 'Response',
  category: 'Output',
  description: 'Answers the request itself: status code, headers, content type and body.',
  icon: 'M10 9V5l-7 7 7 7v-4.1c5 0 8.5 1.6 11 5.1-1-5-4-10-11-11z',
  inputs: ['in'],
  outputs: [],
  configSchema: z
    .object({
      statusCode: expressionField('Status code', 'Default 200, or the record’s statusCode').optional(),
      headers: expressionField('Headers', 'An object of header names and values; none unless given here').optional(),
      contentType: expressionField('Content type', 'Default from the body: application/json for objects and arrays, else text/plain').optional(),
      body: expressionField('Body', 'Objects and arrays are sent as JSON').optional(),
    })
    .strict(),
  defaults: () => ({}),
});
