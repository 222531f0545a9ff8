import { z } from 'zod';
import { defineNodeType } from './node-type.js';
import { booleanField, expressionField, listField, positiveIntegerField, selectField, templateField, textField } from './fields.js';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

const headerSchema = z.object({ name: textField('Header'), value: templateField('Value') }).strict();

const outputSchema = z
  .object({
    name: textField('Attribute'),
    path: textField('JSONPath', 'Into the JSON reply, e.g. $.processId'),
    expression: expressionField('Expression', 'JSONata with _result.value bound').optional(),
  })
  .strict();

/** Calls a URL and reads attributes from the JSON reply. */
export const httpNode = defineNodeType({
  type: 'http',
  label: 'HTTP Request',
  category: 'Integration',
  description: 'Calls a URL; output attributes are read from the JSON reply by JSONPath.',
  icon: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm6.93 6h-2.95a15.65 15.65 0 0 0-1.38-3.56A8.03 8.03 0 0 1 18.93 8zM12 4.04c.83 1.2 1.48 2.53 1.91 3.96h-3.82c.43-1.43 1.08-2.76 1.91-3.96zM4.26 14a8.2 8.2 0 0 1 0-4h3.38a16.5 16.5 0 0 0 0 4zm.81 2h2.95c.32 1.25.78 2.45 1.38 3.56A7.99 7.99 0 0 1 5.07 16zm2.95-8H5.07a7.99 7.99 0 0 1 4.33-3.56A15.65 15.65 0 0 0 8.02 8zM12 19.96c-.83-1.2-1.48-2.53-1.91-3.96h3.82c-.43 1.43-1.08 2.76-1.91 3.96zM14.34 14H9.66a14.7 14.7 0 0 1 0-4h4.68a14.7 14.7 0 0 1 0 4zm.25 5.56c.6-1.11 1.06-2.31 1.38-3.56h2.95a8.03 8.03 0 0 1-4.33 3.56zM16.36 14a16.5 16.5 0 0 0 0-4h3.38a8.2 8.2 0 0 1 0 4z',
  inputs: ['in'],
  outputs: ['out', 'error'],
  configSchema: z
    .object({
      method: selectField(HTTP_METHODS, 'Method').default('GET'),
      url: textField('URL', 'A template: ${expression} parts are inserted, percent-encoded', 'template'),
      encodeUrlValues: booleanField('Percent-encode values in the URL').default(true),
      headers: listField(headerSchema, 'Headers').default([]),
      body: templateField('Body', 'A template; objects and arrays are inserted as JSON').optional(),
      timeoutMs: positiveIntegerField('Timeout (ms)').optional(),
      outputs: listField(outputSchema, 'Output attributes').default([]),
    })
    .strict(),
  defaults: () => ({ method: 'GET' as const, url: 'https://example.com/', encodeUrlValues: true, headers: [], outputs: [] }),
});
