import type jsonata from 'jsonata';

/**
 * The variable the secret lookup is bound to. JSONata variable names end at whitespace, so no
 * expression can name it: `_datasource.Name` is the only way to a secret value.
 */
export const SECRET_LOOKUP = 'secret value';

/** jsonata.d.ts lists fewer node types than the parser makes (`path` among them), hence a looser shape. */
type AstNode = { type?: string; value?: unknown; position?: number; steps?: unknown[] } & Record<string, unknown>;

const isStep = (node: unknown, type: string): node is AstNode => (node as AstNode | undefined)?.type === type;

/**
 * Rewrites, in place, every `_datasource.Name` path of a parsed expression into a call of the
 * secret lookup with the literal name, so the value is fetched where the expression is evaluated
 * and never exists in a record. Returns the names it found.
 */
export function bindDatasourceReferences(ast: jsonata.ExprNode): string[] {
  const names: string[] = [];
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const ast = node as AstNode;
    if (ast.type === 'path' && Array.isArray(ast.steps)) rewritePath(ast, names);
    Object.values(ast).forEach(visit);
  };
  visit(ast);
  return names;
}

function rewritePath(path: AstNode, names: string[]): void {
  const [first, second] = path.steps as AstNode[];
  if (!isStep(first, 'name') || first.value !== '_datasource' || first.stages || first.predicate) return;
  if (!isStep(second, 'name') || typeof second.value !== 'string') return;
  const { value: name, type: _type, ...rest } = second;
  const lookup = {
    ...rest,
    type: 'function',
    value: '(',
    position: first.position,
    procedure: { type: 'variable', value: SECRET_LOOKUP, position: first.position },
    arguments: [{ type: 'string', value: name, position: second.position }],
  };
  (path.steps as unknown[]).splice(0, 2, lookup);
  names.push(name);
}
