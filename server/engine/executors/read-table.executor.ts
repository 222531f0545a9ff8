import type { RowQuery } from '../../storage/table.store.js';
import { holds } from '../expressions/truth.js';
import { throwIfAborted } from '../run-aborted.error.js';
import { bindWhere, whereToSql } from '../tables/where-to-sql.js';
import { failEveryRecord } from './fail-every-record.js';
import type { NodeExecutor } from './node-executor.js';

/** Emits one record per matching row, the row alone: a simple `where` runs as SQL, any other per row as JSONata. */
export const readTableExecutor: NodeExecutor<'readTable'> = {
  prepare(node, { application, compile, tables }) {
    const { table: tableName, where, orderBy, limit } = node.config;
    const table = tables.find(application, tableName);
    if (!table) return failEveryRecord(`table "${tableName}" does not exist in application "${application}"`);
    const descending = orderBy?.startsWith('-') ?? false;
    const orderColumn = descending ? orderBy!.slice(1) : orderBy;
    if (orderColumn !== undefined && !table.columns.some((column) => column.name === orderColumn)) {
      return failEveryRecord(`orderBy names "${orderColumn}", which is not a column of table "${tableName}"`);
    }
    const ordered: RowQuery = orderColumn === undefined ? {} : { orderBy: { column: orderColumn, descending } };
    const condition = where === undefined ? undefined : compile(where, 'where');
    const plan = where === undefined ? undefined : whereToSql(where, table.columns);

    return {
      async each(record, run, emit) {
        const sqlWhere = plan && bindWhere(plan, record);
        if (!condition || sqlWhere) {
          const query: RowQuery = { ...ordered, ...(sqlWhere ? { where: sqlWhere } : {}), ...(limit === undefined ? {} : { limit }) };
          for (const row of tables.rows(table.id, query)) emit('out', row.values);
          return;
        }
        let matched = 0;
        for (const row of tables.rows(table.id, ordered)) {
          throwIfAborted(run.signal);
          if (!holds(await condition.evaluate(row.values, record, run))) continue;
          emit('out', row.values);
          if (++matched === limit) break;
        }
      },
    };
  },
};
