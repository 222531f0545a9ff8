import jsonata from 'jsonata';
import type { Column, Row } from '../../../shared/schemas/table.schema.js';
import { columnSql } from '../../storage/table.store.js';
import type { SqlCondition } from '../../storage/table.store.js';
import type { DataRecord } from '../record.js';

/** Where a parameter of the SQL comes from: a literal of the expression, or a path into `$in`. */
type ParameterSource = { literal: string | number } | { inPath: string[]; kind: ValueKind };

type ValueKind = 'text' | 'number';

/** A row test over the bound parameters, the same test as the SQL's (see `whereToSql`). */
type RowTest = (row: Row, params: readonly unknown[]) => boolean;

/** A `where` expression turned into SQL once; the `$in` values are bound per arriving record. */
export interface WherePlan {
  sql: string;
  parameters: ParameterSource[];
  test: RowTest;
  /** The column whose index serves the SQL best: one compared by `= < <= > >=` in a chain of `and`. */
  indexedColumn: string | undefined;
}

interface Translated {
  sql: string;
  test: RowTest;
  indexedColumn: string | undefined;
}

type Ast = { type?: string; value?: unknown; lhs?: Ast; rhs?: Ast; expressions?: Ast[]; steps?: Ast[] } & Record<string, unknown>;

const COMPARISONS = new Set(['=', '!=', '<', '<=', '>', '>=']);
const MIRRORED: Record<string, string> = { '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
const KIND_OF_COLUMN: Partial<Record<Column['type'], ValueKind>> = { string: 'text', date: 'text', datetime: 'text', number: 'number' };
/** Properties of a plain name or variable step; anything more (a filter, an index, a group) is not simple. */
const PLAIN_STEP_KEYS = new Set(['type', 'value', 'position']);

/** What SQL's `cell <op> ?` gives for a cell of the column's kind; a null or missing cell, or a null parameter, never holds. */
const COMPARE: Record<string, (cell: string | number, value: string | number) => boolean> = {
  '=': (cell, value) => cell === value,
  '<': (cell, value) => cell < value,
  '<=': (cell, value) => cell <= value,
  '>': (cell, value) => cell > value,
  '>=': (cell, value) => cell >= value,
};

/**
 * Turns a simple `where` (DESIGN §9: `column <op> $in.x` or a literal, joined by `and` and `or`,
 * ops `= != < <= > >=`, on string, date, datetime and number columns) into SQL over the stored
 * rows and the same test in JavaScript (for rows already in memory), or gives undefined when the
 * expression is not that simple and must run per row.
 *
 * Both give the rows JSONata would, with one difference: a null cell never matches `<`, `<=`, `>`
 * or `>=`, where JSONata would fail the record on comparing null. And SQL orders text by its UTF-8
 * bytes, JavaScript (and JSONata) by UTF-16 code units: the two disagree only between characters
 * beyond U+FFFF and those from U+E000 to U+FFFF.
 */
export function whereToSql(expression: string, columns: readonly Column[]): WherePlan | undefined {
  let ast: Ast;
  try {
    ast = jsonata(expression).ast() as Ast;
  } catch {
    return undefined;
  }
  const kinds = new Map<string, ValueKind>();
  for (const column of columns) {
    const kind = KIND_OF_COLUMN[column.type];
    if (kind) kinds.set(column.name, kind);
  }
  const parameters: ParameterSource[] = [];
  const translated = translate(ast, kinds, parameters);
  return translated && { ...translated, parameters };
}

/** The SQL condition for one arriving record, or undefined when a `$in` value does not suit SQL (then JSONata decides). */
export function bindWhere(plan: WherePlan, arrived: DataRecord): SqlCondition | undefined {
  const params: unknown[] = [];
  for (const source of plan.parameters) {
    if ('literal' in source) {
      params.push(source.literal);
      continue;
    }
    const value = valueAt(arrived, source.inPath);
    if (value === NOT_SIMPLE) return undefined;
    const fits = source.kind === 'text' ? typeof value === 'string' : typeof value === 'number' && Number.isFinite(value);
    if (fits) params.push(value);
    else if (value === undefined) params.push(null);
    else return undefined;
  }
  const { test } = plan;
  return { sql: plan.sql, params, matches: (row) => test(row, params), indexedColumn: plan.indexedColumn };
}

function translate(ast: Ast, kinds: ReadonlyMap<string, ValueKind>, parameters: ParameterSource[]): Translated | undefined {
  if (ast.type === 'block' && ast.expressions?.length === 1 && Object.keys(ast).every((key) => ['type', 'expressions', 'position'].includes(key))) {
    return translate(ast.expressions[0]!, kinds, parameters);
  }
  if (ast.type !== 'binary' || !ast.lhs || !ast.rhs || hasExtras(ast, ['lhs', 'rhs'])) return undefined;
  const op = String(ast.value);
  if (op === 'and' || op === 'or') {
    const left = translate(ast.lhs, kinds, parameters);
    const right = left && translate(ast.rhs, kinds, parameters);
    if (!left || !right) return undefined;
    const sql = `(${left.sql}) ${op.toUpperCase()} (${right.sql})`;
    if (op === 'or') return { sql, test: (row, params) => left.test(row, params) || right.test(row, params), indexedColumn: undefined };
    return { sql, test: (row, params) => left.test(row, params) && right.test(row, params), indexedColumn: left.indexedColumn ?? right.indexedColumn };
  }
  if (!COMPARISONS.has(op)) return undefined;
  const leftColumn = columnOf(ast.lhs, kinds);
  const [column, other, operator] = leftColumn !== undefined ? [leftColumn, ast.rhs, op] : [columnOf(ast.rhs, kinds), ast.lhs, MIRRORED[op]!];
  if (column === undefined) return undefined;
  const kind = kinds.get(column)!;
  const source = valueSourceOf(other, kind);
  if (!source) return undefined;
  const cell = columnSql(column);
  const at = parameters.length;
  const type = kind === 'text' ? 'string' : 'number';
  if (operator === '!=') {
    // JSONata: null != "x" holds, but nothing compared with undefined holds. SQL needs both said.
    parameters.push(source, source);
    return {
      sql: `(? IS NOT NULL AND (${cell.replace(/^json_extract\(/, 'json_type(')} = 'null' OR ${cell} != ?))`,
      test: (row, params) => {
        const value = params[at];
        const stored = row[column];
        return value !== null && stored !== undefined && (stored === null || stored !== value);
      },
      indexedColumn: undefined,
    };
  }
  parameters.push(source);
  const compare = COMPARE[operator]!;
  return {
    sql: `${cell} ${operator} ?`,
    test: (row, params) => {
      const value = params[at];
      const stored = row[column];
      return value !== null && typeof stored === type && compare(stored as string | number, value as string | number);
    },
    indexedColumn: column,
  };
}

function columnOf(ast: Ast, kinds: ReadonlyMap<string, ValueKind>): string | undefined {
  const steps = plainPath(ast);
  if (steps?.length !== 1 || steps[0]!.type !== 'name') return undefined;
  const name = String(steps[0]!.value);
  return kinds.has(name) ? name : undefined;
}

function valueSourceOf(ast: Ast, kind: ValueKind): ParameterSource | undefined {
  if (ast.type === 'string' && kind === 'text') return { literal: String(ast.value) };
  if (ast.type === 'number' && kind === 'number' && Number.isFinite(ast.value)) return { literal: ast.value as number };
  const steps = plainPath(ast);
  if (!steps || steps[0]!.type !== 'variable' || steps[0]!.value !== 'in' || steps.length < 2) return undefined;
  if (steps.slice(1).some((step) => step.type !== 'name')) return undefined;
  return { inPath: steps.slice(1).map((step) => String(step.value)), kind };
}

function plainPath(ast: Ast): Ast[] | undefined {
  if (ast.type !== 'path' || !ast.steps || hasExtras(ast, ['steps'])) return undefined;
  return ast.steps.every((step) => Object.keys(step).every((key) => PLAIN_STEP_KEYS.has(key))) ? ast.steps : undefined;
}

function hasExtras(ast: Ast, allowed: string[]): boolean {
  return Object.keys(ast).some((key) => !PLAIN_STEP_KEYS.has(key) && !allowed.includes(key));
}

/** A `$in` path that crosses an array: JSONata would map over it, so the value is not a single SQL parameter. */
const NOT_SIMPLE = Symbol('not simple');

function valueAt(record: DataRecord, path: readonly string[]): unknown {
  let value: unknown = record;
  for (const key of path) {
    if (Array.isArray(value)) return NOT_SIMPLE;
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
