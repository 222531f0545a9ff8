import { describe, expect, it } from 'vitest';
import { maskJson, maskSerialized, maskText, maskValue } from '../../../server/engine/mask.js';

describe('masking secret values', () => {
  it('masks a secret that contains a shorter one whole, whatever order the secrets come in', () => {
    const shorter = 'abc123';
    const longer = 'xyz-abc123-tail';
    for (const secrets of [new Set([shorter, longer]), new Set([longer, shorter])]) {
      expect(maskText(`token ${longer} and ${shorter}`, secrets)).toBe('token **** and ****');
      expect(maskValue({ deep: [{ value: longer }] }, secrets)).toEqual({ deep: [{ value: '****' }] });
      expect(maskSerialized(JSON.stringify({ value: `${longer}"` }), secrets)).not.toContain('tail');
    }
  });

  it('masks every authorization attribute and drops functions left in a record', () => {
    const lambda = Object.assign(() => 1, { _jsonata_lambda: true });
    expect(maskValue({ headers: { Authorization: 'Bearer x', accept: '*/*' }, fn: lambda }, new Set())).toEqual({
      headers: { Authorization: '****', accept: '*/*' },
    });
  });

  it('masks JSON text inside its strings and keeps it JSON, whatever the secret values are', () => {
    // `n` is inside the escape `\n` of the text; the mask must not break the escape.
    const json = JSON.stringify({ status: 200, ok: true, memo: 'code 2, line\n"2"', pid: 2, list: [12, '2', 12345678], two: null });
    const masked = maskJson(json, new Set(['2', 'n', '12345678']));
    expect(JSON.parse(masked)).toEqual({ status: 200, ok: true, memo: 'code ****, li****e\n"****"', pid: 2, list: [12, '****', '****'], two: null });
    expect(maskJson('{"name":1}', new Set(['n']))).toBe('{"****ame":1}');
    expect(maskJson(json, new Set(['nothing here']))).toBe(json);
    expect(maskJson(JSON.stringify({ said: 'a "quoted" secret' }), new Set(['"quoted"']))).toBe('{"said":"a **** secret"}');
    expect(maskJson('{"t":true,"u":null}', new Set(['true', 'null']))).toBe('{"t":true,"u":null}');
  });
});
