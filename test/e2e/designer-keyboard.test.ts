import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDesigner } from './support/designer-browser.js';
import { designerSuite } from './support/designer-suite.js';
import { eventually } from './support/designer-actions.js';
import { adminCall } from './support/studio-server.js';

const suite = designerSuite();

/** What has the keyboard focus: its role or tag, its accessible text, and whether a focus ring is drawn around it. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return { role: '', text: '', ring: false };
    const style = getComputedStyle(element);
    const ring = (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
    return {
      role: element.getAttribute('role') ?? element.tagName.toLowerCase(),
      text: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim(),
      ring,
    };
  });
}

type Focus = Awaited<ReturnType<typeof focused>>;

/** Presses Tab until the focus is on an element whose text is `target`, or that `target` accepts (at most 40 presses). */
async function tabTo(page: Page, target: string | ((focus: Focus) => boolean)): Promise<void> {
  const accepts = typeof target === 'string' ? (focus: Focus) => focus.text === target : target;
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (accepts(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

describe('the designer from the keyboard alone', () => {
  it('reaches the admin screens, moves through them with the arrow keys, and adds a group in a dialog with Enter', async () => {
    await adminCall(suite.studio.server, 'POST', '/security/users', { name: 'keyboard-user' });
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server);
    await page.getByTestId('application-Demo').waitFor();

    await tabTo(page, 'Admin');
    expect((await focused(page)).ring).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Users' }).waitFor();

    await tabTo(page, 'Users');
    expect((await focused(page)).role).toBe('tab');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('heading', { level: 2, name: 'User groups' }).waitFor();
    expect(page.url()).toContain('#/admin/user-groups');

    await tabTo(page, 'Add user group');
    expect((await focused(page)).ring).toBe(true);
    await page.keyboard.press('Enter');
    await eventually(async () => expect((await focused(page)).role).toBe('input'));
    await page.keyboard.type('Keyboard Group');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await eventually(async () =>
      expect((await adminCall(suite.studio.server, 'GET', '/security')).body.userGroups).toContainEqual({ name: 'Keyboard Group', users: ['keyboard-user'] }),
    );
    expect(problems).toEqual([]);
  });

  it('closes a dialog with Escape without changing anything, and moves between rows with the arrow keys', async () => {
    const { page, problems } = await openDesigner(suite.profile, suite.studio.server, { path: '/admin/users' });
    await page.getByRole('grid', { name: 'Users' }).waitFor();
    await tabTo(page, 'Add user');
    await page.keyboard.press('Enter');
    await page.keyboard.type('never-added');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // Focus goes back to the button that opened the dialog once its exit animation has ended.
    await eventually(async () => expect((await focused(page)).text).toBe('Add user'));
    expect((await adminCall(suite.studio.server, 'GET', '/security')).body.users.map((user: { name: string }) => user.name)).not.toContain('never-added');

    await adminCall(suite.studio.server, 'POST', '/security/users', { name: 'second-user' });
    await page.reload();
    await page.getByRole('rowheader', { name: 'second-user' }).waitFor();
    await tabTo(page, (focus) => focus.role === 'row');
    expect((await focused(page)).text).toContain('keyboard-user');
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).text).toContain('second-user');
    expect(problems).toEqual([]);
  });
});
