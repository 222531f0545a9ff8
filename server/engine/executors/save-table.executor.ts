import { columnValueProblem } from '../../../shared/schemas/column-types.js';
import type { Row } from '../../../shared/schemas/table.schema.js';
import { columnSql } from '../../storage/table.store.js';
import { RecordFailure } from '../record-failure.error.js';
import { failEveryRecord } from './fail-every-record.js';
import type { NodeExecutor } from './node-executor.js';

/** Writes the record's attributes that are columns, typed by the column types; emits the saved row. */
export const saveTableExecutor: NodeExecutor<'saveTable'> = {
  prepare(node, { application, tables }) {
    const { table: tableName, mode, key } = node.config;
    const table = tables.find(application, tableName);
    if (!table) return failEveryRecord(`table "${tableName}" does not exist in application "${application}"`);
    const keyColumn = mode === 'upsert' ? table.columns.find((column) => column.name === key) : undefined;
    if (mode === 'upsert' && !keyColumn) return failEveryRecord(`key "${key}" is not a column of table "${tableName}"`);
    if (keyColumn?.type === 'json') return failEveryRecord(`key "${key}" is a json column; an upsert key is text, a number, a date or a boolean`);
    const findByKey = keyColumn && `${columnSql(keyColumn.name)} = ?`;

    return {
      each(record, _run, emit) {
        const values: Row = {};
        const problems: string[] = [];
        for (const column of table.columns) {
          const value = record[column.name];
          if (value === undefined) continue;
          const problem = columnValueProblem(column.type, value);
          if (problem) problems.push(`column "${column.name}": ${problem}`);
          values[column.name] = value;
        }
        if (problems.length > 0) throw new RecordFailure(`cannot save to table "${tableName}": ${problems.join('; ')}`);
        if (!keyColumn || !findByKey) {
          tables.insertRow(table.id, values);
          emit('out', values);
          return;
        }
        const keyValue = values[keyColumn.name];
        if (keyValue === undefined || keyValue === null)
          throw new RecordFailure(`upsert into table "${tableName}" needs a value for its key "${keyColumn.name}"`);
        // SQLite has no booleans: json_extract gives 1 or 0 for true or false.
        const keyParam = typeof keyValue === 'boolean' ? Number(keyValue) : keyValue;
        tables.transaction(() => {
          const [existing] = tables.rows(table.id, { where: { sql: findByKey, params: [keyParam], indexedColumn: keyColumn.name }, limit: 1 });
          if (existing) tables.updateRow(table.id, existing.id, values);
          else tables.insertRow(table.id, values);
        });
        emit('out', values);
      },
    };
  },
};
