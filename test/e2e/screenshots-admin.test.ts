import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import { dialog, openAdminSection } from './support/admin-actions.js';
import { adminCall } from './support/studio-server.js';
import { screenshotsDir, settle } from './support/screenshots.js';

/** docs/screenshots with UPDATE_SCREENSHOTS=1, else test-results/screenshots. */
const SCREENSHOTS = screenshotsDir();

/** The moment the pictures show: the server's records were written ten minutes before it. */
const PICTURE_TIME = Date.parse('2026-03-02T10:30:00Z');
const pictureClock = { now: () => PICTURE_TIME - 10 * 60_000 };

/** Users, groups, roles, keys and secret keys as a small team might have them. */
async function someSecurity(suite: ReturnType<typeof designerSuite>): Promise<void> {
  suite.studio.server.stores.settings.update({ publicBaseUrl: 'https://api.example.com' });
  const call = (path: string, body: unknown) => adminCall(suite.studio.server, 'POST', path, body);
  await call('/security/users', { name: 'crm-client' });
  await call('/security/users', { name: 'billing-sync', enabled: false });
  await call('/security/users', { name: 'reporting' });
  await call('/security/user-groups', { name: 'API Users', users: ['crm-client', 'reporting'] });
  await call('/security/user-groups', { name: 'Finance', users: ['billing-sync'] });
  await call('/security/roles', { name: 'Demo Callers', privileges: ['Use API Key'], userGroups: ['API Users'], application: 'Demo' });
  await call('/security/roles', { name: 'Finance Callers', privileges: ['Use API Key'], userGroups: ['Finance'] });
  await call('/security/api-keys', { user: 'crm-client', label: 'CRM sync', expires: '2027-03-01' });
  await call('/security/api-keys', { user: 'reporting', label: 'Nightly report' });
  const revoked = await call('/security/api-keys', { user: 'crm-client', label: 'Old CRM key' });
  await adminCall(suite.studio.server, 'POST', `/security/api-keys/${revoked.body.record.id}/revoke`);
  await call('/security/secret-keys', { name: 'CrmToken', value: 'not-in-the-picture' });
  await call('/security/secret-keys', { name: 'LedgerPassword' });
}

/**
 * Writes what changes from run to run as on a default install: the server's address (a free port
 * in tests) and API keys and their ids (random), so that the pictures change only when the
 * designer does; then waits for the fonts and animations.
 */
async function settleWithFixedValues(page: Page, origin: string): Promise<void> {
  await page.evaluate((serverOrigin) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.textContent?.includes(serverOrigin)) node.textContent = node.textContent.replaceAll(serverOrigin, 'http://127.0.0.1:8080');
    }
    document
      .querySelectorAll('.admin-id')
      .forEach((element, index) => (element.textContent = `3f6c2a9e-41d7-4b8e-9a0c-5e2d7b1f0c${String(index).padStart(2, '0')}`));
    const key = document.querySelector('[data-testid="new-api-key"]');
    if (key)
      key.textContent =
        'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjcm0tY2xpZW50IiwianRpIjoiM2Y2YzJhOWUtNDFkNy00YjhlLTlhMGMtNWUyZDdiMWYwYzAzIiwiaWF0IjoxNzcyNDQ3MDAwfQ.q3Jx0H1cZr2VfQm8tL7Wn5yB4dKs9aUe6pGiXoN2hTc';
  }, origin);
  await settle(page);
}

describe.each(['light', 'dark'] as const)('screenshots of the admin screens (%s)', (theme) => {
  // One server per theme, so both pictures show the same records.
  const suite = designerSuite({ clock: pictureClock });
  beforeAll(() => someSecurity(suite));

  const shoot = async (page: Page, name: string) => {
    await settleWithFixedValues(page, suite.studio.server.url);
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${theme}.png` });
  };

  it('takes users, roles, API keys with a new key, secret keys and settings, without a CSP violation', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server, { theme, fixedTime: PICTURE_TIME });
    await openAdminSection(page, 'Users');
    await shoot(page, 'admin-users');
    await openAdminSection(page, 'Roles');
    await shoot(page, 'admin-roles');
    await openAdminSection(page, 'API keys');
    await shoot(page, 'admin-api-keys');
    await page.getByRole('button', { name: 'Generate key' }).click();
    await dialog(page).getByRole('button', { name: /User/ }).click();
    await page.getByRole('option', { name: 'crm-client' }).click();
    await dialog(page).getByRole('textbox', { name: 'Label' }).fill('Partner portal');
    await dialog(page).getByRole('textbox', { name: 'Expires' }).fill('1y');
    await dialog(page).getByRole('button', { name: 'Generate key' }).click();
    await page.getByTestId('new-api-key').waitFor();
    await shoot(page, 'admin-new-key');
    await dialog(page).getByRole('button', { name: 'Done' }).click();
    await openAdminSection(page, 'Secret keys');
    await shoot(page, 'admin-secret-keys');
    await openAdminSection(page, 'Settings');
    await shoot(page, 'admin-settings');
    expect(problems).toEqual([]);
  });

  it('takes the import preview of an application exported and imported again with rename', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server, { theme, fixedTime: PICTURE_TIME });
    const exported = (await adminCall(suite.studio.server, 'GET', '/export?application=Demo')).body;
    const path = join(suite.studio.dataDir, 'Demo.actionflow.json');
    writeFileSync(path, JSON.stringify(exported));
    await openAdminSection(page, 'Export and import');
    await page.getByRole('button', { name: 'Import a file…' }).click();
    const chooser = page.waitForEvent('filechooser');
    await dialog(page).getByRole('button', { name: 'Choose a file…' }).click();
    await (await chooser).setFiles(path);
    await page.getByTestId('import-problems').waitFor();
    await dialog(page)
      .getByRole('radio', { name: /Import under a free name/ })
      .check({ force: true });
    await page.getByTestId('import-preview').waitFor();
    await shoot(page, 'import-preview');
    expect(problems.filter((problem) => !problem.includes('status of 409'))).toEqual([]);
  });
});
