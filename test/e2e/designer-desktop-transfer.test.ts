import { describe, expect, it } from 'vitest';
import { designerSuite } from './support/designer-suite.js';
import { openFlow } from './support/designer-actions.js';
import { dialog } from './support/admin-actions.js';
import { adminCall } from './support/studio-server.js';
import { desktopFiles, menuCommand, openDesktopDesigner } from './support/desktop-window.js';

const suite = designerSuite();

describe('export and import in the desktop app', () => {
  it('exports the flow open on the canvas through the native save dialog from the menu’s Export…', async () => {
    const page = await openDesktopDesigner(suite.profile, suite.studio.server);
    await openFlow(page, 'Company Lookup');
    await menuCommand(page, 'export');
    await page.getByText('Exported actionflow “Company Lookup”').waitFor();
    const { saved } = await desktopFiles(page);
    expect(saved.map((file) => file.name)).toEqual(['Company Lookup.actionflow.json']);
    const document = JSON.parse(saved[0]!.text);
    expect(document.format).toBe('actionflow-workspace');
    expect(document.applications[0].actionflows.map((flow: { name: string }) => flow.name)).toEqual(['Company Lookup']);
  });

  it('opens the import dialog from the menu’s Import… and reads the file the native open dialog chose', async () => {
    const exported = (await adminCall(suite.studio.server, 'GET', '/export?application=Demo&actionflow=Companies%20Since')).body;
    const page = await openDesktopDesigner(suite.profile, suite.studio.server, {
      fileToOpen: { name: 'Since.actionflow.json', text: JSON.stringify(exported) },
    });
    await menuCommand(page, 'import');
    await dialog(page).getByRole('button', { name: 'Choose a file…' }).click();
    await page.getByTestId('import-file-name').filter({ hasText: 'Since.actionflow.json' }).waitFor();
    expect((await desktopFiles(page)).opened).toBe(1);
    await dialog(page)
      .getByRole('radio', { name: /Keep what is there/ })
      .check({ force: true });
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('“Companies Since” in Demo');
    expect(await dialog(page).textContent()).toContain('would change nothing');
    expect(await dialog(page).getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
  });
});
