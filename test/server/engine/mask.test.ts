import { describe, expect, it } from 'vitest';
import { maskSerialized, maskText, maskValue } from '../../../server/engine/mask.js';

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
});
