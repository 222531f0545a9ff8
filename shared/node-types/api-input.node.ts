import { z } from 'zod';
import { RESERVED_PARAMETER_NAMES } from '../names.js';
import { defineNodeType } from './node-type.js';
import { listField, textField } from './fields.js';

const parameterSchema = z
  .object({
    name: textField('Name', 'Read from the query string of the request URL'),
    default: z
      .union([z.string(), z.number(), z.boolean(), z.null()])
      .optional()
      .meta({ widget: 'text', title: 'Default', description: 'Used when the query string does not carry the parameter' }),
  })
  .strict();

const configSchema = z
  .object({
    parameters: listField(parameterSchema, 'Input parameters', 'Extra attributes taken from the URL query').optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.parameters?.forEach((parameter, index) => {
      if ((RESERVED_PARAMETER_NAMES as readonly string[]).includes(parameter.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['parameters', index, 'name'],
          message: `"${parameter.name}" is reserved (${RESERVED_PARAMETER_NAMES.join(', ')}); choose another parameter name`,
        });
      } else if (seen.has(parameter.name)) {
        ctx.addIssue({ code: 'custom', path: ['parameters', index, 'name'], message: `parameter "${parameter.name}" is declared twice` });
      }
      seen.add(parameter.name);
    });
  });

/** The fixed input of an API endpoint: `{body, headers, contentType, url}` plus declared parameters. */
export const apiInputNode = defineNodeType({
  type: 'apiInput',
  label: 'API Input',
  category: 'Input',
  description: 'The request: body, headers, contentType and url, plus declared query parameters.',
  icon: 'M11 7 9.6 8.4l2.6 2.6H2v2h10.2l-2.6 2.6L11 17l5-5-5-5zm9 12h-8v2h8c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2h-8v2h8v14z',
  inputs: [],
  outputs: ['out'],
  configSchema,
  defaults: () => ({}),
  singleton: true,
});
