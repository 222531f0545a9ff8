import { describe, expect, it } from 'vitest';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import { eventually } from './support/designer-actions.js';
import { adminRow, dialog, openAdminSection } from './support/admin-actions.js';
import { withoutFailedLoads } from './support/run-tools-actions.js';
import { adminCall } from './support/studio-server.js';

const suite = designerSuite();

describe('the admin screens', () => {
  it('shows the server’s refusals beside the fields they are about, and keeps the dialog open', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await adminCall(suite.studio.server, 'POST', '/security/users', { name: 'taken' });
    await openAdminSection(page, 'Users');
    await page.getByRole('button', { name: 'Add user' }).click();
    const name = dialog(page).getByRole('textbox', { name: 'Name' });
    await name.fill('taken');
    await name.press('Enter');
    await eventually(async () => expect(await dialog(page).locator('.field-error').first().textContent()).toBe('User "taken" already exists'));
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await name.fill('a/b');
    await name.press('Enter');
    await eventually(async () => expect(await dialog(page).locator('.field-error').first().textContent()).toContain('/'));
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });

    await openAdminSection(page, 'API keys');
    await page.getByRole('button', { name: 'Generate key' }).click();
    await dialog(page).getByRole('textbox', { name: 'Expires' }).fill('yesterday');
    await dialog(page).getByRole('button', { name: 'Generate key' }).click();
    await eventually(async () => expect(await dialog(page).getByRole('textbox', { name: 'Expires' }).getAttribute('aria-invalid')).toBe('true'));
    expect(await dialog(page).textContent()).toContain('an expiry is a duration');
    expect(withoutFailedLoads(problems, 400, 409)).toEqual([]);
  });

  it('disables, enables and deletes a user after asking', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await adminCall(suite.studio.server, 'POST', '/security/users', { name: 'temporary' });
    await openAdminSection(page, 'Users');
    const row = adminRow(page, 'Users', 'temporary');
    await row.getByRole('switch', { name: 'temporary enabled' }).click({ force: true });
    await eventually(async () =>
      expect((await adminCall(suite.studio.server, 'GET', '/security')).body.users).toContainEqual({ name: 'temporary', enabled: false }),
    );
    await row.getByRole('button', { name: 'Delete user temporary' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete user “temporary”?' });
    expect(await confirm.textContent()).toContain('cannot be undone');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await row.count()).toBe(1);
    await row.getByRole('button', { name: 'Delete user temporary' }).click();
    await confirm.getByRole('button', { name: 'Delete user' }).click();
    await row.waitFor({ state: 'detached' });
    expect((await adminCall(suite.studio.server, 'GET', '/security')).body.users.map((user: { name: string }) => user.name)).not.toContain('temporary');
    expect(problems).toEqual([]);
  });

  it('adds a secret key with a value it never shows, sets it again, disables and renames it', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await openAdminSection(page, 'Secret keys');
    await page.getByRole('button', { name: 'Add secret key' }).click();
    await dialog(page).getByRole('textbox', { name: 'Name' }).fill('CrmToken');
    const value = dialog(page).getByLabel('Value');
    expect(await value.getAttribute('type')).toBe('password');
    await value.fill('s3cret-value-1');
    await dialog(page).getByRole('button', { name: 'Add secret key' }).click();
    const row = adminRow(page, 'Secret keys', 'CrmToken');
    await eventually(async () => expect(await row.textContent()).toContain('set'));

    await row.getByRole('button', { name: 'Set value of CrmToken' }).click();
    const newValue = dialog(page).getByLabel('New value');
    expect(await newValue.inputValue()).toBe('');
    await newValue.fill('s3cret-value-2');
    await newValue.press('Enter');
    await dialog(page).waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain('s3cret-value');

    await row.getByRole('switch', { name: 'CrmToken enabled' }).click({ force: true });
    await eventually(async () =>
      expect((await adminCall(suite.studio.server, 'GET', '/security')).body.secretKeys).toContainEqual({ name: 'CrmToken', enabled: false, hasValue: true }),
    );

    await row.getByRole('button', { name: 'Actions for secret key CrmToken' }).click();
    await page.getByRole('menuitem', { name: 'Rename…' }).click();
    await dialog(page).getByRole('textbox').fill('CrmApiToken');
    await dialog(page).getByRole('textbox').press('Enter');
    await adminRow(page, 'Secret keys', 'CrmApiToken').waitFor();
    expect(problems).toEqual([]);
  });

  it('saves settings, shows a bad value beside its field, and copies URLs on the new public base URL', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await openAdminSection(page, 'Settings');
    const port = page.getByRole('textbox', { name: 'Port' });
    await port.fill('70000');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await eventually(async () => expect(await port.getAttribute('aria-invalid')).toBe('true'));
    await port.fill('9090');
    await page.getByRole('textbox', { name: 'Public base URL' }).fill('https://api.example.com/base');
    await page.getByRole('textbox', { name: 'Instance name' }).fill('acme');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('The server listens on port 9090 from its next start.').waitFor();
    expect((await adminCall(suite.studio.server, 'GET', '/settings')).body).toMatchObject({
      port: 9090,
      instance: 'acme',
      publicBaseUrl: 'https://api.example.com/base',
    });

    await page.getByRole('link', { name: 'Workspace' }).click();
    await page.getByRole('link', { name: /^Company Lookup/ }).click();
    await eventually(async () =>
      expect(await page.getByTestId('trigger-url').textContent()).toBe('https://api.example.com/base/acme/api/1/action/Demo/Company%20Lookup/trigger'),
    );
    await adminCall(suite.studio.server, 'PATCH', '/settings', { port: 8080, instance: 'phixflow', publicBaseUrl: null });
    expect(withoutFailedLoads(problems, 400)).toEqual([]);
  });
});
