import { z } from 'zod';

export const COLUMN_TYPES = ['string', 'number', 'boolean', 'date', 'datetime', 'json'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function isRealDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Why `value` does not fit a column of `type`, or null when it does. `null` fits every type. */
export function columnValueProblem(type: ColumnType, value: unknown): string | null {
  if (value === null) return null;
  switch (type) {
    case 'string':
      return typeof value === 'string' ? null : `expected a string, got ${describe(value)}`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : `expected a number, got ${describe(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `expected true or false, got ${describe(value)}`;
    case 'date':
      return typeof value === 'string' && isRealDate(value) ? null : `expected a date YYYY-MM-DD, got ${describe(value)}`;
    case 'datetime':
      return typeof value === 'string' && DATETIME_WITH_ZONE.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : `expected an ISO 8601 date-time with a zone, got ${describe(value)}`;
    case 'json':
      return value === undefined ? 'expected a JSON value' : null;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'nothing';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

export const columnTypeSchema = z.enum(COLUMN_TYPES);
