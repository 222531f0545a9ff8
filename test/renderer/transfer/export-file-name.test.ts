import { describe, expect, it } from 'vitest';
import { exportFileName, exportSubject } from '../../../renderer/src/transfer/export-file-name.js';
import { exportScopeOf } from '../../../renderer/src/transfer/export-scope.js';

describe('export files', () => {
  it('are named for what they hold', () => {
    expect(exportFileName({})).toBe('workspace.actionflow.json');
    expect(exportFileName({ application: 'Demo' })).toBe('Demo.actionflow.json');
    expect(exportFileName({ application: 'Demo', actionflow: 'Company Lookup' })).toBe('Company Lookup.actionflow.json');
    expect(exportSubject({ application: 'Demo', actionflow: 'Company Lookup' })).toBe('actionflow “Company Lookup”');
  });

  it('never get a name that leaves the folder or that a file system refuses', () => {
    expect(exportFileName({ actionflow: '../a/b:c*?' })).toBe('__a_b_c_.actionflow.json');
    expect(exportFileName({ actionflow: '..' })).toBe('_.actionflow.json');
  });

  it('hold what is open when the menu asks: the flow on the canvas, a table’s application, else the workspace', () => {
    expect(exportScopeOf({ view: 'flow', application: 'Demo', flow: 'Lookup' })).toEqual({ application: 'Demo', actionflow: 'Lookup' });
    expect(exportScopeOf({ view: 'table', application: 'Demo', table: 'companies' })).toEqual({ application: 'Demo' });
    expect(exportScopeOf({ view: 'admin', section: 'users' })).toEqual({});
    expect(exportScopeOf({ view: 'home' })).toEqual({});
  });
});
