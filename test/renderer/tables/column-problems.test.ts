import { describe, expect, it } from 'vitest';
import { problemColumn, problemsByColumn } from '../../../renderer/src/tables/column-problems.js';

describe('the server’s problems with a row', () => {
  it('are put on the column their path ends with', () => {
    expect(problemColumn({ path: '$.values.onboarded', message: 'm' })).toBe('onboarded');
    expect(problemColumn({ path: '$.rows[3]["unit price"]', message: 'm' })).toBe('unit price');
    expect(problemColumn({ path: '$.values["say \\"hi\\""]', message: 'm' })).toBe('say "hi"');
    expect(problemColumn({ path: '$', message: 'm' })).toBeNull();
    expect(
      problemsByColumn([
        { path: '$.values.a', message: 'one' },
        { path: '$.values.a', message: 'two' },
        { path: '$', message: 'whole' },
      ]),
    ).toEqual({ a: 'one; two', '': 'whole' });
  });
});
