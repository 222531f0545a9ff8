import { describe, expect, it } from 'vitest';
import { nodeSummary } from '../../../renderer/src/editor/canvas/node-summary.js';
import { findNodeType } from '../../../shared/node-types/registry.js';

describe('what a node card says about its settings', () => {
  it('shows the first settings in declaration order, expressions as code', () => {
    expect(nodeSummary(findNodeType('readTable')!, { table: 'companies', where: 'name = $in.name', limit: 1 })).toEqual([
      { label: 'Table', value: 'companies', code: false },
      { label: 'Where', value: 'name = $in.name', code: true },
    ]);
  });

  it('names the items of a list and leaves out empty settings', () => {
    expect(
      nodeSummary(findNodeType('calculate')!, {
        attributes: [
          { name: 'since', expression: '1' },
          { name: 'until', expression: '2' },
        ],
      }),
    ).toEqual([{ label: 'Attributes', value: 'since, until', code: false }]);
    expect(nodeSummary(findNodeType('output')!, {})).toEqual([]);
  });
});
