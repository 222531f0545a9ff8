/**
 * What a parsed JSONata expression (its AST) reads: the attributes of its input record (`total`,
 * `$.total`), the attributes of the record as it arrived (`$in.since`), and the bare names it
 * calls as functions (`error("x")`, which JSONata reads as a call of the attribute `error`).
 */
export interface ExpressionReads {
  /** Attribute names read from the expression's input. */
  input: string[];
  /** Attribute names read through `$in`. */
  arrived: string[];
  /** Names called without `$`. */
  bareCalls: string[];
}

type AstNode = { type?: string; value?: unknown; steps?: AstNode[]; procedure?: AstNode; [key: string]: unknown };

/** Children evaluated against the same input as the node itself; any other child sees another context. */
const SAME_INPUT: Record<string, readonly string[]> = {
  binary: ['lhs', 'rhs'],
  condition: ['condition', 'then', 'else'],
  block: ['expressions'],
  bind: ['rhs'],
  apply: ['lhs', 'rhs'],
  unary: ['expression', 'expressions', 'lhs'],
  function: ['arguments'],
  partial: ['arguments'],
};

const MAX_DEPTH = 500;

/** Reads what an expression's AST reads; names inside predicates, later path steps and lambdas are not the input's. */
export function expressionReads(ast: unknown): ExpressionReads {
  const reads: ExpressionReads = { input: [], arrived: [], bareCalls: [] };
  visit(ast, true, reads, 0);
  return { input: [...new Set(reads.input)], arrived: [...new Set(reads.arrived)], bareCalls: [...new Set(reads.bareCalls)] };
}

function visit(value: unknown, atInput: boolean, reads: ExpressionReads, depth: number): void {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || value instanceof RegExp) return;
  if (Array.isArray(value)) {
    for (const item of value) visit(item, atInput, reads, depth + 1);
    return;
  }
  const node = value as AstNode;
  const handled = new Set<string>();
  if (node.type === 'path' && Array.isArray(node.steps)) {
    readPathStart(node.steps, atInput, reads);
    node.steps.forEach((step, index) => visit(step, index === 0 && atInput, reads, depth + 1));
    handled.add('steps');
  } else if ((node.type === 'function' || node.type === 'partial') && node.procedure) {
    const called = bareName(node.procedure);
    if (called !== undefined) reads.bareCalls.push(called);
    else visit(node.procedure, atInput, reads, depth + 1);
    handled.add('procedure');
  }
  const same = SAME_INPUT[node.type ?? ''] ?? [];
  for (const [key, child] of Object.entries(node)) {
    if (handled.has(key)) continue;
    visit(child, atInput && same.includes(key), reads, depth + 1);
  }
}

function readPathStart(steps: AstNode[], atInput: boolean, reads: ExpressionReads): void {
  const [first, second] = steps;
  if (!first) return;
  if (first.type === 'name' && typeof first.value === 'string') {
    if (atInput) reads.input.push(first.value);
  } else if (first.type === 'variable' && second?.type === 'name' && typeof second.value === 'string') {
    if (first.value === '' && atInput) reads.input.push(second.value);
    else if (first.value === 'in') reads.arrived.push(second.value);
  }
}

function bareName(procedure: AstNode): string | undefined {
  const steps = procedure.type === 'path' ? procedure.steps : undefined;
  const only = steps?.length === 1 ? steps[0] : undefined;
  return only?.type === 'name' && typeof only.value === 'string' && !only['stages'] ? only.value : undefined;
}
