import { describe, expect, it } from 'vitest';
import { cellText, readCell } from '../../../renderer/src/tables/cell-values.js';

describe('reading a column value from text', () => {
  it('reads each type, with empty as no value', () => {
    expect(readCell('string', 'Acme')).toEqual({ ok: true, value: 'Acme' });
    expect(readCell('string', '')).toEqual({ ok: true, value: null });
    expect(readCell('number', ' -3.5e2 ')).toEqual({ ok: true, value: -350 });
    expect(readCell('number', '')).toEqual({ ok: true, value: null });
    expect(readCell('boolean', 'Yes')).toEqual({ ok: true, value: true });
    expect(readCell('boolean', '0')).toEqual({ ok: true, value: false });
    expect(readCell('date', '2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(readCell('datetime', '2026-03-02T10:30:00Z')).toEqual({ ok: true, value: '2026-03-02T10:30:00Z' });
    expect(readCell('json', '{"a": [1]}')).toEqual({ ok: true, value: { a: [1] } });
  });

  it('says why text does not fit, as the server would', () => {
    expect(readCell('number', '12abc')).toEqual({ ok: false, problem: 'expected a number, got "12abc"' });
    expect(readCell('number', 'Infinity').ok).toBe(false);
    expect(readCell('boolean', 'maybe')).toEqual({ ok: false, problem: 'expected true or false, got "maybe"' });
    expect(readCell('date', '2023-02-29')).toEqual({ ok: false, problem: 'expected a date YYYY-MM-DD, got "2023-02-29"' });
    expect(readCell('datetime', '2026-03-02 10:30')).toMatchObject({ ok: false, problem: expect.stringContaining('ISO 8601') });
    expect(readCell('json', '{oops')).toMatchObject({ ok: false, problem: expect.stringContaining('not valid JSON') });
  });

  it('writes values back as text that reads back the same', () => {
    const samples = [
      ['string', 'Acme'],
      ['number', 42.5],
      ['boolean', false],
      ['date', '2024-01-31'],
      ['json', { tags: ['a'], n: null }],
    ] as const;
    for (const [type, value] of samples) expect(readCell(type, cellText(type, value))).toEqual({ ok: true, value });
    expect(cellText('number', null)).toBe('');
  });
});
