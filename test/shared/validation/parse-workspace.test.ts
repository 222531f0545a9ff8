import { describe, expect, it } from 'vitest';
import { parseWorkspace, parseWorkspaceText } from '../../../shared/validation/parse-workspace.js';
import { exampleWorkspace } from '../../support/example-workspace.js';

function problems(document: unknown) {
  const result = parseWorkspace(document);
  return result.ok ? [] : result.problems;
}

describe('parseWorkspace', () => {
  it('accepts the DESIGN example and fills its defaults', () => {
    const result = parseWorkspace(exampleWorkspace());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const flow = result.workspace.applications[0]!.actionflows[0]!;
    expect(flow.api).toEqual({ enabled: true, allowAnonymous: true, mode: 'sync', timeoutMs: null, cors: null });
    expect(result.workspace.security.secretKeys).toEqual([{ name: 'CrmToken', enabled: true }]);
  });

  it('refuses text that is not JSON', () => {
    const result = parseWorkspaceText('{"format": ');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]!.message).toContain('not valid JSON');
  });

  it('refuses a wrong format', () => {
    expect(problems({ ...exampleWorkspace(), format: 'n8n' })).toEqual([{ path: '$.format', message: expect.stringContaining('actionflow-workspace') }]);
  });

  it('refuses a newer formatVersion, saying so', () => {
    expect(problems({ ...exampleWorkspace(), formatVersion: 2 })[0]!.message).toContain('formatVersion 2 is newer');
  });

  it('names an unknown key with its path instead of dropping it', () => {
    const document = exampleWorkspace();
    document.applications[0].actionflows[0].api.retries = 3;
    expect(problems(document)).toEqual([{ path: '$.applications[0].actionflows[0].api', message: 'unknown key "retries"' }]);
  });

  it('keeps a node ui object as it is', () => {
    const document = exampleWorkspace();
    document.applications[0].actionflows[0].nodes[0].ui = { colour: 'teal', collapsed: true };
    const result = parseWorkspace(document);
    expect(result.ok && result.workspace.applications[0]!.actionflows[0]!.nodes[0]!.ui).toEqual({ colour: 'teal', collapsed: true });
  });

  it('reports a cycle inside a flow with its path', () => {
    const document = exampleWorkspace();
    document.applications[0].actionflows[0].connections.push({ id: 'back', from: { node: 'r', point: 'out' }, to: { node: 'p', point: 'in' } });
    expect(problems(document).map((p) => p.path)).toContain('$.applications[0].actionflows[0].connections');
  });

  it.each([
    ['a slash', 'Demo/Prod', 'must not contain "/"'],
    ['a control character', 'Demo\u0007', 'control characters'],
    ['..', '..', 'must not be ".."'],
  ])('refuses an application name with %s', (_what, name, message) => {
    const document = exampleWorkspace();
    document.applications[0].name = name;
    expect(problems(document)).toEqual([{ path: '$.applications[0].name', message: expect.stringContaining(message) }]);
  });

  it('refuses names that clash after normalisation', () => {
    const document = exampleWorkspace();
    document.applications.push({ ...document.applications[0], name: ' Demo ' });
    expect(problems(document)).toEqual([{ path: '$.applications[1].name', message: 'application "Demo" appears twice' }]);
  });

  it('checks row values against column types', () => {
    const document = exampleWorkspace();
    document.applications[0].tables[0].rows.push({ name: 'Bad', onboarded: '2021-02-30', country: 'UK', size: 3 });
    expect(problems(document)).toEqual([
      { path: '$.applications[0].tables[0].rows[1].onboarded', message: expect.stringContaining('YYYY-MM-DD') },
      { path: '$.applications[0].tables[0].rows[1].size', message: expect.stringContaining('not a column') },
    ]);
  });

  it('lists every problem at once', () => {
    const document = exampleWorkspace();
    document.applications[0].actionflows[0].nodes[1].type = 'mystery';
    document.security.roles[0].privileges = ['Admin'];
    expect(problems(document).length).toBeGreaterThanOrEqual(1);
    const second = exampleWorkspace();
    second.applications[0].actionflows[0].nodes[1].type = 'mystery';
    second.applications[0].actionflows[0].nodes.push({ id: 'in', type: 'apiInput', name: 'In2', position: { x: 0, y: 0 } });
    expect(problems(second).map((p) => p.path)).toEqual([
      '$.applications[0].actionflows[0].nodes[1].type',
      '$.applications[0].actionflows[0].nodes[4].id',
      '$.applications[0].actionflows[0].nodes[4]',
    ]);
  });
});
