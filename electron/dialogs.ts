import { open, rename, stat, unlink, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { dialog, ipcMain, type BrowserWindow, type FileFilter, type IpcMainInvokeEvent } from 'electron';
import type { OpenedFile } from '../shared/preload-api.js';
import { IPC_CHANNELS } from './ipc-channels.js';

/** The largest workspace file the designer opens (the admin API accepts imports up to 50 MB). */
export const MAX_WORKSPACE_FILE_BYTES = 50 * 1024 * 1024;

const WORKSPACE_FILTERS: FileFilter[] = [
  { name: 'Workspace files', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

/** Reads a chosen workspace file as UTF-8 text, refusing one too large to import. */
export async function readWorkspaceFile(path: string): Promise<OpenedFile> {
  const { size } = await stat(path);
  if (size > MAX_WORKSPACE_FILE_BYTES) {
    throw new Error(`${basename(path)} is ${Math.ceil(size / 1024 / 1024)} MB; a workspace file can be at most 50 MB`);
  }
  return { name: basename(path), text: await readFile(path, 'utf8') };
}

/**
 * Writes `text` beside `path` and renames it into place, so an interrupted save leaves the
 * previous file whole rather than half of the new one.
 */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const handle = await open(temporary, 'w', 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** A file name the save dialog can suggest: no folders, no control characters, ending in .json. */
export function suggestedFileName(name: unknown): string {
  const base =
    typeof name === 'string'
      ? basename(name.replace(/\\/g, '/'))
          .replace(/[\u0000-\u001f<>:"|?*]/g, '')
          .trim()
      : '';
  const usable = base === '' || base === '.' || base === '..' ? 'workspace' : base;
  return usable.toLowerCase().endsWith('.json') ? usable : `${usable}.json`;
}

export interface WorkspaceFileHandlerDeps {
  /** The window the dialogs belong to. */
  window(): BrowserWindow | undefined;
  isTrustedSender(event: IpcMainInvokeEvent): boolean;
  /** Where the dialogs open first, e.g. the user's documents folder. */
  defaultFolder(): string;
}

function refuseUntrusted(event: IpcMainInvokeEvent, deps: WorkspaceFileHandlerDeps): void {
  if (!deps.isTrustedSender(event)) throw new Error('refused: the request did not come from the designer');
}

/** `window.studio.openWorkspaceFile` and `saveWorkspaceFile`: native dialogs, files read and written here. */
export function registerWorkspaceFileHandlers(deps: WorkspaceFileHandlerDeps): void {
  ipcMain.handle(IPC_CHANNELS.openWorkspaceFile, async (event): Promise<OpenedFile | null> => {
    refuseUntrusted(event, deps);
    const options = { title: 'Import workspace', defaultPath: deps.defaultFolder(), filters: WORKSPACE_FILTERS, properties: ['openFile' as const] };
    const owner = deps.window();
    const choice = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    const path = choice.filePaths[0];
    if (choice.canceled || path === undefined) return null;
    return readWorkspaceFile(path);
  });

  ipcMain.handle(IPC_CHANNELS.saveWorkspaceFile, async (event, name: unknown, text: unknown): Promise<boolean> => {
    refuseUntrusted(event, deps);
    if (typeof text !== 'string') throw new Error('nothing to save: the workspace text is missing');
    const options = { title: 'Export workspace', defaultPath: join(deps.defaultFolder(), suggestedFileName(name)), filters: WORKSPACE_FILTERS };
    const owner = deps.window();
    const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return false;
    await writeFileAtomically(choice.filePath, text);
    return true;
  });
}
