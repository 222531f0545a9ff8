import { z } from 'zod';
import { nameSchema } from '../names.js';
import { columnTypeSchema, columnValueProblem, type ColumnType } from './column-types.js';

export const columnSchema = z.object({ name: nameSchema, type: columnTypeSchema }).strict();

/** A row: column name to value. Checked against the columns by the table schema. */
export const rowSchema = z.record(z.string(), z.unknown());

export const tableSchema = z
  .object({
    name: nameSchema,
    columns: z.array(columnSchema),
    rows: z.array(rowSchema).default([]),
  })
  .strict()
  .superRefine((table, ctx) => {
    const types = new Map<string, ColumnType>();
    table.columns.forEach((column, index) => {
      if (types.has(column.name)) ctx.addIssue({ code: 'custom', path: ['columns', index, 'name'], message: `column "${column.name}" is declared twice` });
      types.set(column.name, column.type);
    });
    table.rows.forEach((row, rowIndex) => {
      for (const [key, value] of Object.entries(row)) {
        const type = types.get(key);
        const problem = type ? columnValueProblem(type, value) : `"${key}" is not a column of table "${table.name}"`;
        if (problem) ctx.addIssue({ code: 'custom', path: ['rows', rowIndex, key], message: problem });
      }
    });
  });

export type Column = z.output<typeof columnSchema>;
export type Table = z.output<typeof tableSchema>;
export type Row = Record<string, unknown>;
