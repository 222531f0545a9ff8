import { describe, expect, it } from 'vitest';
import { jsonChildren, jsonInText, jsonKind, jsonPreview, MAX_CHILDREN } from '../../../renderer/src/ui/json-tree-nodes.js';

describe('the JSON tree of a message’s details', () => {
  it('lists an object’s members and an array’s items with unique paths', () => {
    expect(jsonChildren({ status: 200, 'content-type': 'json', list: [1] }, '$')).toEqual({
      children: [
        { key: 'status', value: 200, path: '$.status' },
        { key: 'content-type', value: 'json', path: '$["content-type"]' },
        { key: 'list', value: [1], path: '$.list' },
      ],
      hidden: 0,
    });
    expect(jsonChildren(['a'], '$.x')!.children).toEqual([{ key: '0', value: 'a', path: '$.x[0]' }]);
    expect(jsonChildren('plain', '$')).toBeNull();
  });

  it('opens a string that holds JSON like the value it holds', () => {
    expect(jsonInText('{"name": "Acme"}')).toEqual({ name: 'Acme' });
    expect(jsonInText('"just text"')).toBeUndefined();
    expect(jsonChildren('{"name": "Acme"}', '$.body')!.children).toEqual([{ key: 'name', value: 'Acme', path: '$.body.name' }]);
    expect(jsonPreview('{"name": "Acme"}')).toBe('JSON text {1 key}');
    expect(jsonKind('[1,2]')).toBe('container');
  });

  it(`shows the first ${MAX_CHILDREN} members and counts the rest`, () => {
    const big = Array.from({ length: MAX_CHILDREN + 7 }, (_, index) => index);
    expect(jsonChildren(big, '$')!.hidden).toBe(7);
    expect(jsonChildren(big, '$')!.children).toHaveLength(MAX_CHILDREN);
  });

  it('previews values on one line', () => {
    expect([jsonPreview('a'), jsonPreview(3), jsonPreview(null), jsonPreview([1, 2]), jsonPreview({}), jsonPreview(true)]).toEqual([
      '"a"',
      '3',
      'null',
      '[2 items]',
      '{0 keys}',
      'true',
    ]);
    expect(jsonPreview('x'.repeat(2500))).toMatch(/… \(500 more characters\)"$/);
  });
});
