import { describe, expect, it } from 'vitest';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import { openFlow } from './support/designer-actions.js';
import { menuCommand, openDesktopDesigner } from './support/desktop-window.js';

const suite = designerSuite();

describe('the designer’s session', () => {
  it('takes the token from the fragment and removes it from the address bar, keeping it out of every URL it requests', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.getByTestId('application-Demo').waitFor();
    expect(page.url()).toBe(`${suite.studio.server.url}/#/`);
    await openFlow(page, 'Company Lookup');
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => url.includes(suite.studio.server.sessionToken))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('says how to get in when there is no token', async () => {
    const page = await suite.profile.newPage();
    await page.goto(`${suite.studio.server.url}/`);
    await page.getByRole('heading', { name: 'Actionflow Studio' }).waitFor();
    expect(await page.textContent('main')).toContain('Open the designer from the address the server printed');
  });

  it('uses the desktop preload’s token, server address and theme, and answers its menu commands', async () => {
    const page = await openDesktopDesigner(suite.profile, suite.studio.server, { theme: 'dark' });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

    await menuCommand(page, 'toggle-dark-mode');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await menuCommand(page, 'new-endpoint');
    await page.getByRole('dialog').getByLabel('Endpoint name').waitFor();
  });

  it('shows and copies trigger URLs on the public base URL and instance name from the settings', async () => {
    suite.studio.server.stores.settings.update({ publicBaseUrl: 'https://api.example.com/gateway', instance: 'acme' });
    try {
      const { page } = await openDesigner(suite.profile, suite.studio.server);
      await openFlow(page, 'Company Lookup');
      const url = 'https://api.example.com/gateway/acme/api/1/action/Demo/Company%20Lookup/trigger';
      expect(await page.getByTestId('trigger-url').textContent()).toBe(url);
      await page.getByRole('button', { name: 'Copy URL' }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    } finally {
      suite.studio.server.stores.settings.update({ publicBaseUrl: null, instance: 'phixflow' });
    }
  });
});
