import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../../shared/schemas/workspace.schema.js';
import { parseWorkspace } from '../../../shared/validation/parse-workspace.js';
import { ConflictError } from '../../../server/errors/conflict.error.js';
import { ValidationError } from '../../../server/errors/validation.error.js';
import { exportWorkspace } from '../../../server/workspace/export.service.js';
import { importWorkspace } from '../../../server/workspace/import.service.js';
import { exampleWorkspace } from '../../support/example-workspace.js';
import { memoryStores } from '../../support/memory-stores.js';

function parsed(document: unknown): Workspace {
  const result = parseWorkspace(document);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.workspace;
}

const callerFlow = (name: string, target: string) => ({
  name,
  nodes: [
    { id: 'in', type: 'apiInput', name: 'In', position: { x: 0, y: 0 } },
    { id: 'c', type: 'callFlow', name: 'Call', position: { x: 1, y: 0 }, config: { application: 'Demo', actionflow: target } },
  ],
  connections: [{ id: 'c1', from: { node: 'in', point: 'out' }, to: { node: 'c', point: 'in' } }],
});

describe('import and export', () => {
  it('gives back an equivalent document after importing the DESIGN example into an empty workspace', () => {
    const stores = memoryStores();
    importWorkspace(stores, parsed(exampleWorkspace()));
    expect(exportWorkspace(stores)).toEqual(parsed(exampleWorkspace()));
  });

  it('refuses the whole file under fail when one item clashes, naming each clash, and changes nothing', () => {
    const stores = memoryStores();
    importWorkspace(stores, parsed(exampleWorkspace()));
    const document = exampleWorkspace();
    document.applications[0].actionflows.push(callerFlow('New Flow', 'Companies Since'));
    const before = exportWorkspace(stores);
    let error: unknown;
    try {
      importWorkspace(stores, parsed(document));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).problems.map((p) => p.path)).toContain('$.applications[0].actionflows[0].name');
    expect(exportWorkspace(stores)).toEqual(before);
  });

  it('renames clashing items and rewrites the references inside the file to them', () => {
    const stores = memoryStores();
    importWorkspace(stores, parsed(exampleWorkspace()));
    const document = exampleWorkspace();
    document.applications[0].actionflows.push(callerFlow('Caller', 'Companies Since'));
    const summary = importWorkspace(stores, parsed(document), { onConflict: 'rename' });
    expect(summary.changes).toContainEqual({
      kind: 'actionflow',
      application: 'Demo',
      name: 'Companies Since',
      action: 'renamed',
      newName: 'Companies Since (2)',
    });
    expect(summary.changes).toContainEqual({ kind: 'table', application: 'Demo', name: 'companies', action: 'renamed', newName: 'companies (2)' });
    const renamed = stores.flows.get('Demo', 'Companies Since (2)').flow;
    expect(renamed.nodes.find((n) => n.type === 'readTable')!.config.table).toBe('companies (2)');
    expect(stores.flows.get('Demo', 'Caller').flow.nodes[1]!.config).toMatchObject({ actionflow: 'Companies Since (2)' });
    expect(stores.security.findUserGroup('API Users (2)')!.users).toEqual(['api-client (2)']);
    expect(stores.security.findRole('GenerateToken (2)')!.userGroups).toEqual(['API Users (2)']);
  });

  it('replaces clashing items, table rows included', () => {
    const stores = memoryStores();
    importWorkspace(stores, parsed(exampleWorkspace()));
    const document = exampleWorkspace();
    document.applications[0].tables[0].rows = [{ name: 'Globex', onboarded: '2022-01-01', country: 'US' }];
    document.applications[0].actionflows[0].description = 'replaced';
    importWorkspace(stores, parsed(document), { onConflict: 'replace' });
    const table = stores.tables.get('Demo', 'companies');
    expect(stores.tables.rows(table.id).map((r) => r.values.name)).toEqual(['Globex']);
    expect(stores.flows.get('Demo', 'Companies Since')).toMatchObject({ revision: 2, flow: { description: 'replaced' } });
  });

  it('skips clashing items and keeps what is stored', () => {
    const stores = memoryStores();
    importWorkspace(stores, parsed(exampleWorkspace()));
    const document = exampleWorkspace();
    document.applications[0].actionflows[0].description = 'ignored';
    const summary = importWorkspace(stores, parsed(document), { onConflict: 'skip' });
    expect(summary.changes.filter((c) => c.action === 'skipped')).toHaveLength(6);
    expect(stores.flows.get('Demo', 'Companies Since').flow.description).toBe('Companies onboarded after a date');
  });

  it('reports what a dry run would change and changes nothing', () => {
    const stores = memoryStores();
    const summary = importWorkspace(stores, parsed(exampleWorkspace()), { dryRun: true });
    expect(summary).toMatchObject({ dryRun: true });
    expect(summary.changes).toContainEqual({ kind: 'actionflow', application: 'Demo', name: 'Companies Since', action: 'created' });
    expect(stores.applications.list()).toEqual([]);
  });

  it('refuses a group whose member exists nowhere', () => {
    const stores = memoryStores();
    const document = exampleWorkspace();
    document.security.userGroups[0].users.push('ghost');
    expect(() => importWorkspace(stores, parsed(document))).toThrow(ValidationError);
    expect(stores.applications.list()).toEqual([]);
  });

  it('exports one actionflow with the tables and called flows it needs, and secret keys by name only', () => {
    const stores = memoryStores();
    const document = exampleWorkspace();
    document.applications[0].actionflows.push(callerFlow('Caller', 'Companies Since'));
    document.applications[0].actionflows.push({ ...callerFlow('Unrelated', 'Caller'), name: 'Unrelated' });
    document.applications[0].actionflows[0].nodes[1].config.attributes.push({ name: 'token', expression: '_datasource.CrmToken' });
    importWorkspace(stores, parsed(document));
    const exported = exportWorkspace(stores, { application: 'Demo', actionflow: 'Caller' });
    expect(exported.applications[0]!.actionflows.map((f) => f.name)).toEqual(['Caller', 'Companies Since']);
    expect(exported.applications[0]!.tables.map((t) => t.name)).toEqual(['companies']);
    expect(exported.security).toEqual({ users: [], userGroups: [], roles: [], secretKeys: [{ name: 'CrmToken', enabled: true }] });
  });
});
