import { describe, expect, it } from 'vitest';
import { expressionProblem, lineAndColumn, templateParts, templateProblem } from '../../../renderer/src/editor/expression/expression-problems.js';

describe('expression parse problems', () => {
  it('finds none in a valid expression or an empty one', () => {
    expect(expressionProblem('$count(matches) > 0')).toBeNull();
    expect(expressionProblem('  ')).toBeNull();
  });

  it('reports the message and where it is', () => {
    const problem = expressionProblem('"hello " & ');
    expect(problem?.message).toBe('Unexpected end of expression');
    expect(problem?.from).toBeGreaterThan(8);
    const unary = expressionProblem('a = = b');
    expect(unary).toMatchObject({ from: 4, to: 5 });
    expect(lineAndColumn('a\nbc', 3)).toEqual({ line: 2, column: 2 });
  });

  it('checks each ${} part of a template at its place in the text', () => {
    expect(templateParts('https://x/${id}/y/${ {"a": 1}.a }')).toEqual([
      { expression: 'id', offset: 12 },
      { expression: ' {"a": 1}.a ', offset: 20 },
    ]);
    expect(templateProblem('https://x/${id}')).toBeNull();
    expect(templateProblem('plain text')).toBeNull();
    expect(templateProblem('x ${1 +}')).toMatchObject({ from: 6 });
    expect(templateProblem('x ${id')?.message).toBe('a ${ part is not closed with }');
    expect(templateProblem('x ${}')?.message).toBe('an empty ${} part');
  });
});
