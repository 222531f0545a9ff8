import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir.js';

interface Finding {
  id: string;
  file: string;
  line: number;
  description: string;
}
interface Accepted {
  id: string;
  file: string;
  reason: string;
}
interface AuditModule {
  auditFolder(folder: string, electronVersion?: string): Promise<{ findings: Finding[]; unreadable: string[]; checks: number }>;
  compareWithAccepted(findings: Finding[], accepted: Accepted[]): { unexplained: Finding[]; stale: Accepted[] };
}

const audit = (await import(pathToFileURL(join(process.cwd(), 'test/electron/audit/electronegativity-audit.mjs')).href)) as AuditModule;

const INSECURE_WINDOW = `import { BrowserWindow } from 'electron';
export function open(): BrowserWindow {
  const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });
  void window.loadURL('http://example.com/');
  return window;
}
`;

describe('the Electronegativity audit', () => {
  it('finds an insecure window, in .cts files too, with the Electron version given', async () => {
    const folder = tempDir();
    mkdirSync(join(folder, 'nested'));
    writeFileSync(join(folder, 'nested', 'window.cts'), INSECURE_WINDOW);
    const { findings, unreadable } = await audit.auditFolder(folder, '45.5.0');
    expect(unreadable).toEqual([]);
    const ids = findings.filter((finding) => finding.file === join('nested', 'window.cts')).map((finding) => finding.id);
    expect(ids).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'HTTP_RESOURCES_JS_CHECK']));
  });

  it('fails a finding nobody accepted and an accepted one that no longer occurs', () => {
    const findings: Finding[] = [
      { id: 'OPEN_EXTERNAL_JS_CHECK', file: 'desktop-app.ts', line: 3, description: 'Review the use of openExternal' },
      { id: 'SANDBOX_JS_CHECK', file: 'window.ts', line: 9, description: 'Use sandbox for untrusted origins' },
    ];
    const accepted: Accepted[] = [
      { id: 'OPEN_EXTERNAL_JS_CHECK', file: 'desktop-app.ts', reason: 'web URLs only' },
      { id: 'PRELOAD_JS_CHECK', file: 'window.ts', reason: 'our own preload' },
    ];
    const { unexplained, stale } = audit.compareWithAccepted(findings, accepted);
    expect(unexplained.map((finding) => finding.id)).toEqual(['SANDBOX_JS_CHECK']);
    expect(stale.map((entry) => entry.id)).toEqual(['PRELOAD_JS_CHECK']);
  });

  it('does not accept a finding in another file than the one named', () => {
    const { unexplained } = audit.compareWithAccepted(
      [{ id: 'OPEN_EXTERNAL_JS_CHECK', file: 'menu.ts', line: 1, description: '' }],
      [{ id: 'OPEN_EXTERNAL_JS_CHECK', file: 'desktop-app.ts', reason: 'web URLs only' }],
    );
    expect(unexplained).toHaveLength(1);
  });
});
