// The table read alone, timed in this process through the built table store (dist/): what the
// readTable of the table flows costs at 100 and at 100,000 rows, without HTTP or the run around it.

const dist = (path) => import(new URL(`../dist/server/${path}`, import.meta.url).href);

/** Times the Growth tables' `onboarded > "2020-01-01"` read; gives one printable line. */
export async function tableReads(file) {
  const [{ openDatabase }, { createStores }, { systemClock }, { whereToSql, bindWhere }] = await Promise.all([
    dist('storage/database.js'),
    dist('storage/stores.js'),
    dist('clock.js'),
    dist('engine/tables/where-to-sql.js'),
  ]);
  const stores = createStores(openDatabase(file), systemClock);
  try {
    const time = (tableName, memory) => {
      const table = stores.tables.get('Growth', tableName);
      const condition = bindWhere(whereToSql('onboarded > $in.since', table.columns), { since: '2020-01-01' });
      // Without its JavaScript test the read cannot be served from rows held in memory: SQL reads it.
      const where = memory ? condition : { ...condition, matches: undefined };
      const read = () => stores.tables.rows(table.id, { where });
      // Up to 2,000 reads after 200 to warm up, for at most two seconds each way (a scan of 100,000 rows takes tens of milliseconds).
      const until = (deadline, count, work) => {
        let done = 0;
        while (done < count && (done === 0 || process.hrtime.bigint() < deadline)) {
          work();
          done++;
        }
        return done;
      };
      until(process.hrtime.bigint() + 2_000_000_000n, 200, read);
      let rows = 0;
      const started = process.hrtime.bigint();
      const rounds = until(started + 2_000_000_000n, 2_000, () => (rows += read().length));
      return { micros: Number(process.hrtime.bigint() - started) / 1000 / rounds, rows: rows / rounds };
    };
    const fewMemory = time('companies', true);
    const fewSql = time('companies', false);
    const manySql = time('many_companies', false);
    return (
      `100 rows ${fewMemory.micros.toFixed(1)} µs (as the flow reads it), 100 rows through SQL ${fewSql.micros.toFixed(1)} µs, ` +
      `100,000 rows through SQL ${manySql.micros.toFixed(1)} µs (${manySql.rows} rows each): ${(manySql.micros / fewSql.micros).toFixed(2)}x the 100-row SQL read`
    );
  } finally {
    stores.db.close();
  }
}
