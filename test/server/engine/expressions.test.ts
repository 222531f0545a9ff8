import { describe, expect, it } from 'vitest';
import { splitTemplate } from '../../../server/engine/expressions/template.js';
import type { SecretResolver } from '../../../server/security/secret-resolver.js';
import { engineHarness, flow, node, request } from './engine-harness.js';

/** A flow that sets `value` from `expression` for each element of `items` and returns it. */
const evaluating = (name: string, expression: string, items = '[1]') =>
  flow(
    name,
    [
      node('in', 'apiInput'),
      node('s', 'split', { expression: items }),
      node('c', 'calculate', { attributes: [{ name: 'value', expression }] }, 'Eval'),
      node('o', 'output', { attributes: ['item', 'value'] }, 'result'),
    ],
    ['in->s', 's->c', 'c->o'],
  );

const secrets = (values: Record<string, string>): SecretResolver => ({
  valueOf: (name) => {
    const value = values[name];
    if (value === undefined) throw new Error(`secret key "${name}" is unknown`);
    return value;
  },
});

describe('expressions', () => {
  it('parses strict JSON with $parseJson and refuses anything else', async () => {
    const harness = engineHarness({ flows: [evaluating('F', '$parseJson(body).a')] });
    expect((await harness.run('F', request({ body: '{"a": [1, 2]}' }))).data.result).toEqual([{ item: 1, value: [1, 2] }]);
    const loose = await harness.run('F', request({ body: "{a: 1, 'b': $count([1])}" }));
    expect(loose.result.errors[0]!.message).toMatch(/^attribute "value": \$parseJson: the text is not valid JSON/);
  });

  it('reads a query with $queryParams, a repeated key as an array', async () => {
    const harness = engineHarness({ flows: [evaluating('F', '$queryParams(url)')] });
    const { data } = await harness.run('F', request({ url: 'http://h/p/trigger?a=1&b=x%20y&a=2' }));
    expect(data.result![0]!.value).toEqual({ a: ['1', '2'], b: 'x y' });
  });

  it('writes Debug and Warning messages from $debug and $warning and returns their values', async () => {
    const harness = engineHarness({ flows: [evaluating('F', '$warning("careful") & $string($debug(41 + 1, "answer"))')] });
    const { data, log } = await harness.run('F');
    expect(data.result![0]!.value).toBe('careful42');
    expect(log.messages.map(({ kind, text }) => ({ kind, text }))).toEqual([
      { kind: 'Warning', text: 'careful' },
      { kind: 'Debug', text: 'answer: 42' },
    ]);
  });

  it('fails the record with the message of $error', async () => {
    const harness = engineHarness({ flows: [evaluating('F', 'item > 1 ? $error("too big: " & item) : item', '[1, 2]')] });
    const { data, result } = await harness.run('F');
    expect(data.result).toEqual([{ item: 1, value: 1 }]);
    expect(result.errors.map((e) => [e.node, e.message])).toEqual([['Eval', 'too big: 2']]);
  });

  it('fails a runaway recursion and a huge range on their own record, and the flow goes on', async () => {
    const harness = engineHarness({
      flows: [evaluating('F', 'item = 1 ? (function($f){$f($f)})(function($f){$f($f)}) : item = 2 ? [1..100000000] : "fine"', '[1, 2, 3]')],
      settings: { expressionTimeoutMs: 200 },
    });
    const { data, result } = await harness.run('F');
    expect(data.result).toEqual([{ item: 3, value: 'fine' }]);
    expect(result.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^attribute "value": Evaluation timeout after 200 milliseconds/),
      expect.stringMatching(/^attribute "value": The size of the sequence allocated by the range operator/),
    ]);
  });

  it('fails a recursion deeper than the depth bound', async () => {
    const harness = engineHarness({
      flows: [evaluating('F', '($down := function($n){ $n = 0 ? 0 : 1 + $down($n - 1) }; $down(10000))')],
      settings: { expressionMaxDepth: 100 },
    });
    expect((await harness.run('F')).result.errors[0]!.message).toMatch(/Stack overflow/);
  });

  it('fails each record of a node whose expression does not parse, naming the attribute', async () => {
    const harness = engineHarness({ flows: [evaluating('F', '1 +')] });
    const { result } = await harness.run('F');
    expect(result.errors[0]!.message).toMatch(/^attribute "value" is not a valid expression: /);
  });

  it('gives the value of a secret key for _datasource.Name without it ever being an attribute of the record', async () => {
    const harness = engineHarness({
      flows: [
        evaluating('F', '{"auth": "Bearer " & _datasource.CrmToken, "quoted": _datasource.`Crm Token`, "keys": $keys($), "direct": $lookup($, "_datasource")}'),
      ],
      secrets: secrets({ CrmToken: 's3cr3t', 'Crm Token': 'other' }),
    });
    const { data } = await harness.run('F');
    // As a client sees it: JSON.
    expect(JSON.parse(JSON.stringify(data.result![0]!.value))).toEqual({
      auth: 'Bearer s3cr3t',
      quoted: 'other',
      keys: ['body', 'headers', 'contentType', 'url', 'item'],
    });
  });

  it('fails the record naming an unknown secret key, and masks secret values in failures', async () => {
    const harness = engineHarness({
      flows: [evaluating('F', 'item = 1 ? _datasource.Missing : $error("token is " & _datasource.Token)', '[1, 2]')],
      secrets: secrets({ Token: 'tok-123' }),
    });
    const { result, log } = await harness.run('F');
    expect(result.errors.map((e) => e.message)).toEqual(['attribute "value": secret key "Missing" is unknown', 'token is ****']);
    expect(JSON.stringify(log.messages)).not.toContain('tok-123');
  });

  it('cannot reach the secret lookup other than through _datasource', async () => {
    const harness = engineHarness({ flows: [evaluating('F', '$lookup($, "secret value")')], secrets: secrets({ X: 'x' }) });
    expect((await harness.run('F')).data.result).toEqual([{ item: 1 }]);
  });
});

describe('templates', () => {
  it('splits text and ${expression} parts, braces inside expressions and strings included', () => {
    expect(splitTemplate('a ${x} b ${ {"k": "}"}.k } c')).toEqual(['a ', { expression: 'x' }, ' b ', { expression: ' {"k": "}"}.k ' }, ' c']);
    expect(splitTemplate('no parts')).toEqual(['no parts']);
    expect(() => splitTemplate('open ${x')).toThrow(/no closing/);
  });
});
