import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type DesktopBootstrap } from '../../electron/ipc-channels.js';
import type { StudioDesktopApi } from '../../shared/preload-api.js';

const BOOTSTRAP: DesktopBootstrap = { version: '0.1.0', serverUrl: 'http://127.0.0.1:8080', sessionToken: 'token-123', theme: 'dark' };

/** The preload as Electron runs it: compiled to CommonJS, given a `require` that knows only 'electron'. */
function runPreload(bootstrap: DesktopBootstrap | null) {
  const source = readFileSync(new URL('../../electron/preload.cts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2023 },
    fileName: 'preload.cts',
  });
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const ipcRenderer = {
    sendSync: vi.fn((channel: string) => (channel === IPC_CHANNELS.bootstrap ? bootstrap : undefined)),
    send: vi.fn(),
    invoke: vi.fn(async (..._args: unknown[]) => null as unknown),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => listeners.set(channel, listener)),
    removeListener: vi.fn((channel: string) => listeners.delete(channel)),
  };
  const exposed = new Map<string, unknown>();
  const contextBridge = { exposeInMainWorld: vi.fn((name: string, api: unknown) => exposed.set(name, api)) };
  const required: string[] = [];
  const sandboxedRequire = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return { contextBridge, ipcRenderer };
  };
  const module = { exports: {} };
  runInNewContext(outputText, { require: sandboxedRequire, module, exports: module.exports });
  return { api: exposed.get('studio') as StudioDesktopApi | undefined, exposed, ipcRenderer, listeners, required };
}

describe('the preload', () => {
  it('exposes exactly one object, window.studio, with the desktop API and nothing else', () => {
    const { api, exposed } = runPreload(BOOTSTRAP);
    expect([...exposed.keys()]).toEqual(['studio']);
    expect(Object.keys(api!).sort()).toEqual(
      ['version', 'serverUrl', 'sessionToken', 'theme', 'setTheme', 'openWorkspaceFile', 'saveWorkspaceFile', 'onMenuCommand'].sort(),
    );
  });

  it('requires nothing but electron', () => {
    expect(runPreload(BOOTSTRAP).required).toEqual(['electron']);
  });

  it('gives the designer the version, server URL, session token and theme', () => {
    const { api } = runPreload(BOOTSTRAP);
    expect(api).toMatchObject(BOOTSTRAP);
  });

  it('exposes nothing to a page the main process does not vouch for', () => {
    expect(runPreload(null).exposed.size).toBe(0);
  });

  it('sends a theme change on its own channel', () => {
    const { api, ipcRenderer } = runPreload(BOOTSTRAP);
    api!.setTheme('light');
    expect(ipcRenderer.send).toHaveBeenCalledWith(IPC_CHANNELS.setTheme, 'light');
  });

  it('asks the main process for the native open and save dialogs', async () => {
    const { api, ipcRenderer } = runPreload(BOOTSTRAP);
    ipcRenderer.invoke.mockResolvedValueOnce({ name: 'w.json', text: '{}' }).mockResolvedValueOnce(true);
    await expect(api!.openWorkspaceFile()).resolves.toEqual({ name: 'w.json', text: '{}' });
    await expect(api!.saveWorkspaceFile('export.json', '{"formatVersion":1}')).resolves.toBe(true);
    expect(ipcRenderer.invoke.mock.calls).toEqual([[IPC_CHANNELS.openWorkspaceFile], [IPC_CHANNELS.saveWorkspaceFile, 'export.json', '{"formatVersion":1}']]);
  });

  it('passes menu commands on without the IPC event, until unsubscribed', () => {
    const { api, listeners, ipcRenderer } = runPreload(BOOTSTRAP);
    const received: unknown[][] = [];
    const stop = api!.onMenuCommand((...args) => received.push(args));
    listeners.get(IPC_CHANNELS.menuCommand)!({ sender: 'the ipc event' }, 'new-endpoint');
    expect(received).toEqual([['new-endpoint']]);
    stop();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(IPC_CHANNELS.menuCommand, expect.any(Function));
    expect(listeners.has(IPC_CHANNELS.menuCommand)).toBe(false);
  });
});
