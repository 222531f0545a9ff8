import { describe, expect, it } from 'vitest';
import { paletteGroups } from '../../../../renderer/src/editor/palette/palette-search.js';
import { freeSpot } from '../../../../renderer/src/editor/palette/free-spot.js';

const found = (search: string) =>
  paletteGroups(search).flatMap((group) => group.matches.map((match) => (match.hint ? `${match.type.type} (${match.hint})` : match.type.type)));

describe('the palette search', () => {
  it('knows the words of Node-RED and n8n for our node types, and says what they mean here', () => {
    for (const word of ['switch', 'if', 'router']) expect(found(word)).toContain(`gateway (for “${word}”)`);
    for (const word of ['function', 'set', 'change', 'transform']) expect(found(word).some((match) => match.startsWith('calculate'))).toBe(true);
    expect(found('json')).toContain('calculate (for “json”: with $parseJson(body) in an expression)');
    expect(found('parse')).toContain('calculate (for “parse”: with $parseJson(body) in an expression)');
    expect(found('log')).toContain('debug (for “log”)');
    expect(found('subflow')).toContain('callFlow (for “subflow”)');
  });

  it('still finds types by their own label, and nothing for a word no type has', () => {
    expect(found('gateway')).toEqual(['gateway']);
    expect(found('zebra')).toEqual([]);
  });
});

describe('where a clicked palette entry lands', () => {
  it('is the middle of the view when it is free, else the first free place below', () => {
    expect(freeSpot([], { x: 100, y: 100 })).toEqual({ x: 100, y: 100 });
    const nodes = [
      { position: { x: 90, y: 90 }, measured: { width: 208, height: 80 } },
      { position: { x: 120, y: 200 }, measured: { width: 208, height: 60 } },
    ];
    expect(freeSpot(nodes, { x: 100, y: 100 })).toEqual({ x: 100, y: 284 });
  });
});
