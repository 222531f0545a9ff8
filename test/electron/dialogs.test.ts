import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerWorkspaceFileHandlers, suggestedFileName, writeFileAtomically } from '../../electron/dialogs.js';
import { IPC_CHANNELS } from '../../electron/ipc-channels.js';
import { isTrustedSender } from '../../electron/trusted-origin.js';
import { dialog, ipcEventFrom, ipcMain, resetFakeElectron } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

const ORIGIN = 'http://127.0.0.1:8080';
const designer = () => ipcEventFrom(`${ORIGIN}/`);
let folder: string;

beforeEach(() => {
  resetFakeElectron();
  folder = mkdtempSync(join(tmpdir(), 'actionflow-dialogs-'));
  registerWorkspaceFileHandlers({ window: () => undefined, isTrustedSender: (event) => isTrustedSender(event, ORIGIN), defaultFolder: () => folder });
});

afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('openWorkspaceFile', () => {
  it('reads the chosen file in the main process and returns its name and text', async () => {
    const path = join(folder, 'crm.json');
    writeFileSync(path, '{"formatVersion":1,"applications":[]}');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
    await expect(ipcMain.invoke(IPC_CHANNELS.openWorkspaceFile, designer())).resolves.toEqual({
      name: 'crm.json',
      text: '{"formatVersion":1,"applications":[]}',
    });
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: folder, properties: ['openFile'] }));
  });

  it('returns null when the dialog is cancelled', async () => {
    await expect(ipcMain.invoke(IPC_CHANNELS.openWorkspaceFile, designer())).resolves.toBeNull();
  });

  it('refuses a file over 50 MB with a message naming it', async () => {
    const path = join(folder, 'huge.json');
    writeFileSync(path, '');
    truncateSync(path, 51 * 1024 * 1024);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
    await expect(ipcMain.invoke(IPC_CHANNELS.openWorkspaceFile, designer())).rejects.toThrow(/huge\.json is 51 MB; a workspace file can be at most 50 MB/);
  });

  it('refuses a request from anything but the designer, without showing a dialog', async () => {
    await expect(ipcMain.invoke(IPC_CHANNELS.openWorkspaceFile, ipcEventFrom('https://example.com/'))).rejects.toThrow(/did not come from the designer/);
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});

describe('saveWorkspaceFile', () => {
  it('writes the text where the user chose and reports true', async () => {
    const path = join(folder, 'export.json');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    await expect(ipcMain.invoke(IPC_CHANNELS.saveWorkspaceFile, designer(), 'crm.json', '{"formatVersion":1}')).resolves.toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('{"formatVersion":1}');
    expect(readdirSync(folder)).toEqual(['export.json']);
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: join(folder, 'crm.json') }));
  });

  it('replaces an existing file whole', async () => {
    const path = join(folder, 'export.json');
    writeFileSync(path, 'x'.repeat(10_000));
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    await ipcMain.invoke(IPC_CHANNELS.saveWorkspaceFile, designer(), 'export.json', '{}');
    expect(readFileSync(path, 'utf8')).toBe('{}');
  });

  it('writes nothing and reports false when the dialog is cancelled', async () => {
    await expect(ipcMain.invoke(IPC_CHANNELS.saveWorkspaceFile, designer(), 'a.json', '{}')).resolves.toBe(false);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses to save something that is not text', async () => {
    await expect(ipcMain.invoke(IPC_CHANNELS.saveWorkspaceFile, designer(), 'a.json', { formatVersion: 1 })).rejects.toThrow(/workspace text is missing/);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuses a request from anything but the designer', async () => {
    await expect(ipcMain.invoke(IPC_CHANNELS.saveWorkspaceFile, ipcEventFrom(`${ORIGIN}/`, { subframe: true }), 'a.json', '{}')).rejects.toThrow(
      /did not come from the designer/,
    );
  });
});

describe('writeFileAtomically', () => {
  it('fails into a missing folder without leaving a temporary file behind', async () => {
    await expect(writeFileAtomically(join(folder, 'missing', 'a.json'), '{}')).rejects.toThrow(/ENOENT/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('leaves the old file whole when the new one cannot be put in its place', async () => {
    const path = join(folder, 'taken');
    writeFileSync(join(folder, 'keep.json'), 'old');
    // A folder where the file should go: the rename fails after the text was written.
    mkdirSync(join(path, 'inside'), { recursive: true });
    await expect(writeFileAtomically(path, 'new')).rejects.toThrow();
    expect(readdirSync(folder).sort()).toEqual(['keep.json', 'taken']);
    expect(readFileSync(join(folder, 'keep.json'), 'utf8')).toBe('old');
  });
});

describe('suggestedFileName', () => {
  it('keeps a plain name and adds .json when missing', () => {
    expect(suggestedFileName('crm.json')).toBe('crm.json');
    expect(suggestedFileName('CRM Export')).toBe('CRM Export.json');
  });

  it('drops folders and characters a file name cannot hold', () => {
    expect(suggestedFileName('../../etc/passwd')).toBe('passwd.json');
    expect(suggestedFileName('C:\\Users\\x\\crm.json')).toBe('crm.json');
    expect(suggestedFileName('a<b>:c?.json')).toBe('abc.json');
  });

  it('falls back to workspace.json for nothing usable', () => {
    expect(suggestedFileName(undefined)).toBe('workspace.json');
    expect(suggestedFileName('..')).toBe('workspace.json');
    expect(suggestedFileName('')).toBe('workspace.json');
  });
});
