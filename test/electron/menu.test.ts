import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { menuTemplate, registerMenu, type MenuActions } from '../../electron/menu.js';
import { Menu, resetFakeElectron } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

function actions() {
  return {
    send: vi.fn<MenuActions['send']>(),
    openDataFolder: vi.fn<() => void>(),
    openDocumentation: vi.fn<() => void>(),
    showAbout: vi.fn<() => void>(),
  } satisfies MenuActions;
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label?.replace('&', '') === label);
  if (!menu) throw new Error(`no ${label} menu`);
  return menu.submenu as MenuItemConstructorOptions[];
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((entry) => entry.label === label);
  if (!found) throw new Error(`no item ${label}`);
  return found;
}

function click(entry: MenuItemConstructorOptions): void {
  (entry.click as () => void)();
}

const names = (items: MenuItemConstructorOptions[]) => items.filter((entry) => entry.type !== 'separator').map((entry) => entry.label ?? entry.role);

beforeEach(resetFakeElectron);

describe('the native menus', () => {
  it('has File, Edit, View and Help on Windows and Linux', () => {
    const template = menuTemplate({ isDevelopment: false, platform: 'linux' }, actions());
    expect(template.map((menu) => menu.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('lists the File commands, ending with Quit', () => {
    const file = submenu(menuTemplate({ isDevelopment: false, platform: 'win32' }, actions()), 'File');
    expect(names(file)).toEqual(['New API Endpoint', 'Import…', 'Export…', 'Settings…', 'Open Data Folder', 'Quit']);
    expect(item(file, 'Quit').role).toBe('quit');
  });

  it('sends the designer a command for each item that acts in it', () => {
    const handlers = actions();
    const template = menuTemplate({ isDevelopment: false, platform: 'linux' }, handlers);
    const file = submenu(template, 'File');
    const view = submenu(template, 'View');
    for (const [entry, command] of [
      [item(file, 'New API Endpoint'), 'new-endpoint'],
      [item(file, 'Import…'), 'import'],
      [item(file, 'Export…'), 'export'],
      [item(file, 'Settings…'), 'open-settings'],
      [item(view, 'Console'), 'toggle-console'],
      [item(view, 'Toggle Dark Mode'), 'toggle-dark-mode'],
    ] as const) {
      click(entry);
      expect(handlers.send).toHaveBeenLastCalledWith(command);
    }
    expect(handlers.send).toHaveBeenCalledTimes(6);
  });

  it('opens the data folder, the documentation and the About box from the main process', () => {
    const handlers = actions();
    const template = menuTemplate({ isDevelopment: false, platform: 'linux' }, handlers);
    click(item(submenu(template, 'File'), 'Open Data Folder'));
    click(item(submenu(template, 'Help'), 'Documentation'));
    click(item(submenu(template, 'Help'), 'About Actionflow Studio'));
    expect(handlers.openDataFolder).toHaveBeenCalledOnce();
    expect(handlers.openDocumentation).toHaveBeenCalledOnce();
    expect(handlers.showAbout).toHaveBeenCalledOnce();
    expect(handlers.send).not.toHaveBeenCalled();
  });

  it('gives Edit the standard editing roles and View the zoom roles', () => {
    const template = menuTemplate({ isDevelopment: false, platform: 'linux' }, actions());
    expect(names(submenu(template, 'Edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
    expect(names(submenu(template, 'View'))).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
  });

  it('shows Developer Tools only in development', () => {
    const roles = (isDevelopment: boolean) => submenu(menuTemplate({ isDevelopment, platform: 'linux' }, actions()), 'View').map((entry) => entry.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('puts About and Quit in the application menu on macOS', () => {
    const template = menuTemplate({ isDevelopment: false, platform: 'darwin' }, actions());
    expect(template.map((menu) => menu.label)).toEqual(['Actionflow Studio', '&File', '&Edit', '&View', '&Help']);
    expect(names(template[0]!.submenu as MenuItemConstructorOptions[])).toEqual(expect.arrayContaining(['About Actionflow Studio', 'quit']));
    expect(submenu(template, 'File').at(-1)?.role).toBe('close');
  });

  it('installs the menu bar for the whole app', () => {
    registerMenu({ isDevelopment: false, platform: 'linux' }, actions());
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith({ template: Menu.buildFromTemplate.mock.calls[0]![0] });
  });
});
