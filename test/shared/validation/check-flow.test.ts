import { describe, expect, it } from 'vitest';
import type { ActionflowInput } from '../../../shared/schemas/actionflow.schema.js';
import { actionflowSchema } from '../../../shared/schemas/actionflow.schema.js';
import { checkFlow } from '../../../shared/validation/check-flow.js';
import { scopeOf } from '../../../shared/validation/check-scope.js';
import { parseWorkspace } from '../../../shared/validation/parse-workspace.js';
import { DEMO_WORKSPACE } from '../../../server/workspace/demo-workspace.js';
import { exampleWorkspace } from '../../support/example-workspace.js';

type NodeInput = { id: string; type: string; config?: Record<string, unknown> };

/** An endpoint of `nodes` (named after their ids) joined by links "a->b" or "a.true->b". */
function endpoint(nodes: NodeInput[], links: string[], api: Record<string, unknown> | false = { allowAnonymous: true }): ActionflowInput {
  return {
    name: 'Orders',
    ...(api === false ? {} : { api }),
    nodes: nodes.map((node, index) => ({ ...node, name: node.id, position: { x: index * 200, y: 0 } })),
    connections: links.map((text) => {
      const [from, to] = text.split('->') as [string, string];
      const [node, point = 'out'] = from.split('.') as [string, string?];
      return { id: text, from: { node, point }, to: { node: to, point: 'in' } };
    }),
  };
}

const scope = scopeOf({
  applications: [
    {
      name: 'Shop',
      tables: [{ name: 'orders', columns: [{ name: 'id' }, { name: 'total' }] }],
      actionflows: [
        actionflowSchema.parse(
          endpoint(
            [
              { id: 'in', type: 'apiInput' },
              { id: 'c', type: 'calculate', config: { attributes: [{ name: 'tax', expression: '1' }] } },
              { id: 'result', type: 'output' },
            ],
            ['in->c', 'c->result'],
            false,
          ),
        ),
        { ...actionflowSchema.parse(endpoint([{ id: 'result', type: 'output' }], [], false)), name: 'No Input' },
      ].map((flow, index) => (index === 0 ? { ...flow, name: 'Tax' } : flow)),
    },
  ],
  security: { secretKeys: [{ name: 'CrmToken' }] },
});

function check(flow: ActionflowInput) {
  return checkFlow(actionflowSchema.parse(flow), 'Shop', scope);
}

const messages = (problems: { path: string; message: string }[]) => problems.map((problem) => `${problem.path}: ${problem.message}`);

describe('checkFlow problems', () => {
  it('lists every problem of a flow at once, each with its JSON path and node', () => {
    const result = check(
      endpoint(
        [
          { id: 'in', type: 'apiInput' },
          { id: 'g', type: 'gateway', config: { condition: 'total > (100' } },
          {
            id: 'p',
            type: 'calculate',
            config: {
              attributes: [
                { name: 'since', expression: '$parseJson(body.since' },
                { name: 'x', expression: 'error("x") & debug("y")' },
              ],
            },
          },
          { id: 'r', type: 'readTable', config: { table: 'customers', orderBy: '-name' } },
          { id: 'o', type: 'readTable', config: { table: 'orders', orderBy: '-placed' } },
          { id: 's', type: 'saveTable', config: { table: 'orders', mode: 'upsert', key: 'number' } },
          { id: 'f', type: 'callFlow', config: { application: 'Shop', actionflow: 'Taxes' } },
          { id: 'n', type: 'callFlow', config: { application: 'Shop', actionflow: 'No Input' } },
          {
            id: 'h',
            type: 'http',
            config: { url: 'https://crm/${_datasource.CrmTokn}/${id', headers: [{ name: 'X-Pattern', value: '${$match(body, /(?<=a)b/)}' }] },
          },
          { id: 'result', type: 'output' },
        ],
        ['in->g', 'g.true->p', 'g.false->r', 'p->o', 'o->s', 's->f', 'f->n', 'n->h', 'h->result', 'r->result'],
      ),
    );
    expect(messages(result.problems)).toEqual([
      expect.stringMatching(/^\$\.nodes\[1\]\.config\.condition: the expression does not parse: .*\(at character \d+\)$/),
      expect.stringMatching(/^\$\.nodes\[2\]\.config\.attributes\[0\]\.expression: the expression does not parse/),
      '$.nodes[2].config.attributes[1].expression: the expression calls error(…) without "$": write $error(…)',
      '$.nodes[2].config.attributes[1].expression: the expression calls debug(…) without "$": write $debug(…)',
      '$.nodes[3].config.table: table "customers" does not exist in application "Shop"',
      '$.nodes[4].config.orderBy: "placed" is not a column of table "orders"; it has "id", "total"',
      '$.nodes[5].config.key: "number" is not a column of table "orders"; it has "id", "total"',
      '$.nodes[6].config.actionflow: actionflow "Taxes" does not exist in application "Shop"',
      '$.nodes[7].config.actionflow: actionflow "No Input" has no API Input node, so it cannot be called',
      '$.nodes[8].config.url: the template is not valid: "${" at character 36 has no closing "}"',
      '$.nodes[8].config.url: _datasource.CrmTokn names secret key "CrmTokn", which does not exist; add it under Admin › Secret keys',
      expect.stringMatching(
        /^\$\.nodes\[8\]\.config\.headers\[0\]\.value: the template \$\{\$match\(body, \/\(\?<=a\)b\/\)\} uses \/\(\?<=a\)b\/, which cannot run: it uses lookahead and lookbehind/,
      ),
    ]);
    expect(result.problems.map((problem) => problem.nodeId)).toEqual(['g', 'p', 'p', 'p', 'r', 'o', 's', 'f', 'n', 'h', 'h', 'h']);
  });

  it('gives a text checked before the same problems and reads in every field that holds it, however often the flow is checked', () => {
    const flow = endpoint(
      [
        { id: 'in', type: 'apiInput' },
        {
          id: 'c',
          type: 'calculate',
          config: {
            attributes: [
              { name: 'a', expression: 'totl + (1' },
              { name: 'b', expression: 'totl + (1' },
              { name: 'c', expression: 'totl' },
            ],
          },
        },
        { id: 'h', type: 'http', config: { url: 'https://crm/${totl + (1}/${totl}', method: 'GET' } },
        { id: 'o', type: 'output' },
      ],
      ['in->c', 'c->h', 'h->o'],
    );
    const first = check(flow);
    for (let again = 0; again < 3; again++) expect(check(flow)).toEqual(first);
    expect(messages(first.problems)).toEqual([
      expect.stringMatching(/^\$\.nodes\[1\]\.config\.attributes\[0\]\.expression: the expression does not parse/),
      expect.stringMatching(/^\$\.nodes\[1\]\.config\.attributes\[1\]\.expression: the expression does not parse/),
      expect.stringMatching(/^\$\.nodes\[2\]\.config\.url: the template \$\{totl \+ \(1\} does not parse/),
    ]);
  });

  it('reads a bare call from the parsed expression, not the text', () => {
    const result = check(
      endpoint(
        [
          { id: 'in', type: 'apiInput' },
          { id: 'c', type: 'calculate', config: { attributes: [{ name: 'a', expression: '"error(x)" & $error("y")' }] } },
          { id: 'result', type: 'output' },
        ],
        ['in->c', 'c->result'],
      ),
    );
    expect(result.problems).toEqual([]);
  });

  it('accepts what exists: a column ordered descending, a called flow, a known secret key', () => {
    const result = check(
      endpoint(
        [
          { id: 'in', type: 'apiInput' },
          { id: 'o', type: 'readTable', config: { table: 'orders', orderBy: '-total' } },
          { id: 'f', type: 'callFlow', config: { application: 'Shop', actionflow: 'Tax' } },
          { id: 'h', type: 'http', config: { url: 'https://crm/${_datasource.CrmToken}' } },
          { id: 'result', type: 'output' },
        ],
        ['in->o', 'o->f', 'f->h', 'h->result', 'h.error->result'],
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

describe('checkFlow warnings', () => {
  it('warns of a stray node, a node whose records go nowhere and unconnected gateway and http error points', () => {
    const result = check(
      endpoint(
        [
          { id: 'in', type: 'apiInput' },
          { id: 'g', type: 'gateway', config: { condition: 'true' } },
          { id: 'c', type: 'calculate', config: { attributes: [{ name: 'a', expression: '1' }] } },
          { id: 'h', type: 'http', config: { url: 'https://example.com/' } },
          { id: 'stray', type: 'filter', config: { condition: 'true' } },
          { id: 'result', type: 'output' },
        ],
        ['in->g', 'g.true->h', 'h->result', 'in->c'],
      ),
    );
    expect(result.problems).toEqual([]);
    expect(messages(result.warnings)).toEqual([
      '$.nodes[1]: the "false" point of "g" is not connected: records for which the condition does not hold are dropped',
      '$.nodes[2]: records that reach "c" go nowhere: no output, response, table, HTTP call, flow call, debug or error node follows it',
      '$.nodes[3]: the "error" point of "h" is not connected: a failed call fails the record; connect "error" to handle it',
      '$.nodes[4]: no record can reach "stray": no connection leads to it from "in"',
    ]);
  });

  it('warns of every node of a new flow with no wires', () => {
    const result = check(
      endpoint(
        [
          { id: 'in', type: 'apiInput' },
          { id: 'c', type: 'calculate' },
          { id: 'g', type: 'gateway', config: { condition: 'true' } },
          { id: 'f', type: 'filter', config: { condition: 'true' } },
          { id: 'result', type: 'output' },
        ],
        [],
      ),
    );
    expect(result.warnings.map((warning) => warning.nodeId)).toEqual(['in', 'c', 'g', 'f', 'result']);
  });

  it('names an attribute no node upstream sets, with the closest known name', () => {
    const result = check(
      endpoint(
        [
          { id: 'in', type: 'apiInput', config: { parameters: [{ name: 'since' }] } },
          {
            id: 'p',
            type: 'calculate',
            config: {
              attributes: [
                { name: 'total', expression: '$parseJson(body).total' },
                { name: 'double', expression: 'total * 2' },
              ],
            },
          },
          { id: 'g', type: 'gateway', config: { condition: 'totl > 100 and $in.sinse != ""' } },
          { id: 'o', type: 'readTable', config: { table: 'orders', where: 'totals > $in.total' } },
          { id: 'a', type: 'aggregate', config: { into: 'rows' } },
          { id: 'result', type: 'output', config: { attributes: ['row'] } },
        ],
        ['in->p', 'p->g', 'g.true->o', 'g.false->o', 'o->a', 'a->result'],
      ),
    );
    expect(messages(result.warnings)).toEqual([
      '$.nodes[2].config.condition: "g" reads "totl", which no node upstream sets; did you mean "total"?',
      '$.nodes[2].config.condition: "g" reads "sinse", which no node upstream sets; did you mean "since"?',
      '$.nodes[3].config.where: "o" reads "totals", which is not a column of table "orders"; did you mean "total"?',
      '$.nodes[5].config.attributes[0]: "result" reads "row", which no node upstream sets; did you mean "rows"?',
    ]);
  });

  it('knows what http outputs, a called flow, split and table rows bring, and stays quiet where it cannot know', () => {
    const result = check(
      endpoint(
        [
          { id: 'in', type: 'apiInput' },
          { id: 'h', type: 'http', config: { url: 'https://example.com/', outputs: [{ name: 'processId', path: '$.id' }] } },
          { id: 'f', type: 'callFlow', config: { application: 'Shop', actionflow: 'Tax' } },
          { id: 'c', type: 'calculate', config: { attributes: [{ name: 'x', expression: 'processId & statusCode & tax & _output & body' }] } },
          { id: 'e', type: 'error', config: { message: 'errorMessage & statusCode' } },
          { id: 's', type: 'split', config: { expression: '$parseJson(body)' } },
          { id: 'd', type: 'debug', config: { expression: 'anything' } },
        ],
        ['in->h', 'h->f', 'f->c', 'h.error->e', 'c->s', 's->d'],
      ),
    );
    expect(result.warnings).toEqual([]);
  });
});

describe('the DESIGN example and the demo', () => {
  it.each([
    ['the DESIGN example', exampleWorkspace()],
    ['the demo workspace', DEMO_WORKSPACE],
  ])('%s has no problem and no warning', (_name, document) => {
    const parsed = parseWorkspace(document, {});
    expect(parsed).toMatchObject({ ok: true, problems: [], warnings: [] });
  });
});
