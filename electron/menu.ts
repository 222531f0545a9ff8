import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/preload-api.js';
import { PRODUCT_NAME } from './message-boxes.js';

/** What the menu items do; commands for the designer go through `send`. */
export interface MenuActions {
  send(command: MenuCommand): void;
  openDataFolder(): void;
  openDocumentation(): void;
  showAbout(): void;
}

export interface MenuOptions {
  /** Developer Tools and reload appear only in development. */
  isDevelopment: boolean;
  platform: NodeJS.Platform;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

function command(label: string, menuCommand: MenuCommand, accelerator: string, actions: MenuActions): MenuItemConstructorOptions {
  return { label, accelerator, click: () => actions.send(menuCommand) };
}

function fileMenu(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions {
  const isMac = options.platform === 'darwin';
  return {
    label: '&File',
    submenu: [
      command('New API Endpoint', 'new-endpoint', 'CmdOrCtrl+N', actions),
      separator,
      command('Import…', 'import', 'CmdOrCtrl+O', actions),
      command('Export…', 'export', 'CmdOrCtrl+E', actions),
      separator,
      command('Settings…', 'open-settings', 'CmdOrCtrl+,', actions),
      { label: 'Open Data Folder', click: () => actions.openDataFolder() },
      separator,
      // On macOS, Quit lives in the application menu and File ends with Close Window.
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit', accelerator: 'CmdOrCtrl+Q' },
    ],
  };
}

const editMenu: MenuItemConstructorOptions = {
  label: '&Edit',
  submenu: [
    { role: 'undo' },
    { role: 'redo' },
    separator,
    { role: 'cut' },
    { role: 'copy' },
    { role: 'paste' },
    { role: 'delete' },
    separator,
    { role: 'selectAll' },
  ],
};

function viewMenu(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions {
  const development: MenuItemConstructorOptions[] = options.isDevelopment ? [separator, { role: 'reload' }, { role: 'toggleDevTools' }] : [];
  return {
    label: '&View',
    submenu: [
      command('Console', 'toggle-console', 'CmdOrCtrl+Shift+K', actions),
      separator,
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'resetZoom' },
      separator,
      command('Toggle Dark Mode', 'toggle-dark-mode', 'CmdOrCtrl+Shift+D', actions),
      { role: 'togglefullscreen' },
      ...development,
    ],
  };
}

function helpMenu(actions: MenuActions): MenuItemConstructorOptions {
  return {
    label: '&Help',
    role: 'help',
    submenu: [
      { label: 'Documentation', click: () => actions.openDocumentation() },
      separator,
      { label: `About ${PRODUCT_NAME}`, click: () => actions.showAbout() },
    ],
  };
}

function macApplicationMenu(actions: MenuActions): MenuItemConstructorOptions {
  return {
    label: PRODUCT_NAME,
    submenu: [
      { label: `About ${PRODUCT_NAME}`, click: () => actions.showAbout() },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
}

/** The native menu bar: File, Edit, View, Help (and the application menu on macOS). */
export function menuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const menus = [fileMenu(options, actions), editMenu, viewMenu(options, actions), helpMenu(actions)];
  return options.platform === 'darwin' ? [macApplicationMenu(actions), ...menus] : menus;
}

/** Installs the menu bar for the whole app. */
export function registerMenu(options: MenuOptions, actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options, actions)));
}
