import { describe, expect, it } from 'vitest';
import type { Column } from '../../../shared/schemas/table.schema.js';
import { previewCsv, rowsToCsv } from '../../../renderer/src/tables/csv-rows.js';

const columns: Column[] = [
  { name: 'name', type: 'string' },
  { name: 'onboarded', type: 'date' },
  { name: 'staff', type: 'number' },
];

describe('importing a CSV file into a table', () => {
  it('reads typed rows, with per-row problems, ignored headers and missing columns', () => {
    const preview = previewCsv('\uFEFFname, onboarded ,notes\r\nAcme,2019-01-14,first\r\n"Globex, Inc",2019/03/29,\r\n\r\nInitech,,x\r\n', columns);
    expect(preview.fileProblem).toBeNull();
    expect(preview.ignoredHeaders).toEqual(['notes']);
    expect(preview.missingColumns).toEqual(['staff']);
    expect(preview.rows).toEqual([
      { row: 1, values: { name: 'Acme', onboarded: '2019-01-14' }, problems: [] },
      { row: 2, values: { name: 'Globex, Inc' }, problems: ['onboarded: expected a date YYYY-MM-DD, got "2019/03/29"'] },
      { row: 3, values: { name: 'Initech', onboarded: null }, problems: [] },
    ]);
  });

  it('names a row whose field count does not match the header', () => {
    const preview = previewCsv('name,staff\nAcme,3\nGlobex\n', columns);
    expect(preview.rows[1]!.problems.join()).toMatch(/Too few fields/);
  });

  it('refuses a file whose header names no column', () => {
    expect(previewCsv('a,b\n1,2\n', columns).fileProblem).toMatch(/names no column of the table/);
    expect(previewCsv('', columns).fileProblem).toBe('the file is empty');
  });

  it('exports rows that import back to the same values', () => {
    const rows = [
      { name: 'Acme, "the" first', onboarded: '2019-01-14', staff: 12 },
      { name: 'Globex', onboarded: null, staff: null },
    ];
    const csv = rowsToCsv(columns, rows);
    expect(csv.split('\r\n')[0]).toBe('name,onboarded,staff');
    expect(previewCsv(csv, columns).rows.map((row) => row.values)).toEqual(rows);
  });
});
