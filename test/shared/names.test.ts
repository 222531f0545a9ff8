import { describe, expect, it } from 'vitest';
import { nameSchema } from '../../shared/names.js';

describe('names', () => {
  it('trims and stores a name in Unicode NFC', () => {
    expect(nameSchema.parse('  Cafe\u0301 ')).toBe('Café');
  });

  it.each([
    ['', 'must not be empty'],
    ['   ', 'must not be empty'],
    ['.', 'must not be "."'],
    ['..', 'must not be ".."'],
    ['a/b', 'must not contain "/"'],
    ['tab\there', 'control characters'],
    ['x'.repeat(101), 'at most 100 characters'],
  ])('refuses %j', (name, message) => {
    const result = nameSchema.safeParse(name);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });

  it('counts characters, not UTF-16 units, against the 100 limit', () => {
    expect(nameSchema.safeParse('😀'.repeat(100)).success).toBe(true);
  });

  it('keeps names case-sensitive', () => {
    expect(nameSchema.parse('Demo')).not.toBe(nameSchema.parse('demo'));
  });
});
