import { chmodSync, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { findFreePort, registerServerShutdown, startEmbeddedServer, startupFailureMessage } from '../../electron/server-lifecycle.js';
import { startServer, type RunningServer } from '../../server/index.js';
import { admin } from '../support/running-server.js';
import { tempDir } from '../support/temp-dir.js';
import { dataFolderOnPort } from './desktop-fixtures.js';
import { app, dialog, resetFakeElectron } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

/** Holds `port` on 127.0.0.1 until the test ends (already held by another program is as good). */
async function occupy(port: number): Promise<void> {
  const blocker: Server = createServer();
  await new Promise<void>((resolveListen) => {
    blocker.once('error', () => resolveListen());
    blocker.listen(port, '127.0.0.1', () => {
      onTestFinished(() => new Promise<void>((done) => blocker.close(() => done())));
      resolveListen();
    });
  });
}

async function started(dataDir: string): Promise<RunningServer> {
  const result = await startEmbeddedServer(dataDir);
  if (result.outcome !== 'started') throw new Error(`server not started: ${result.outcome}`);
  onTestFinished(() => result.server.close());
  return result.server;
}

beforeEach(resetFakeElectron);

describe('starting the embedded server', () => {
  it('listens on the configured port over the shared data folder, without asking anything', async () => {
    const port = await findFreePort();
    const dataDir = await dataFolderOnPort(port);
    const server = await started(dataDir);
    expect(server.port).toBe(port);
    expect(server.dataDir).toBe(dataDir);
    expect((await admin(server, 'GET', '/workspace')).status).toBe(200);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('offers a free port when the configured one is taken, then runs there with the demo workspace', async () => {
    await occupy(8080);
    const server = await started(tempDir());
    const [options] = dialog.showMessageBox.mock.calls[0] as [{ message: string; buttons: string[] }];
    expect(options.message).toBe('Port 8080 is already in use by another program.');
    expect(options.buttons).toEqual([`Use port ${server.port}`, 'Quit']);
    expect(server.port).not.toBe(8080);
    const workspace = await admin(server, 'GET', '/workspace');
    expect(JSON.stringify(workspace.body)).toContain('Demo');
  });

  it('starts nothing when the user would rather quit, and leaves the data folder usable', async () => {
    const port = await findFreePort();
    await occupy(port);
    const dataDir = await dataFolderOnPort(port);
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    await expect(startEmbeddedServer(dataDir)).resolves.toEqual({ outcome: 'declined' });
    const again = await startServer({ dataDir, port: 0 });
    await again.close();
  });

  it('says which file is at fault when the data folder cannot be used', async () => {
    const dataDir = await dataFolderOnPort(await findFreePort());
    chmodSync(join(dataDir, 'keystore.json'), 0o644);
    const result = await startEmbeddedServer(dataDir);
    expect(result).toMatchObject({ outcome: 'failed', message: expect.stringContaining(join(dataDir, 'keystore.json')) });
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Actionflow Studio cannot start', expect.stringContaining('keystore.json'));
    expect(statSync(join(dataDir, 'keystore.json')).mode & 0o777).toBe(0o644);
  });

  it('explains a port this account may not use', () => {
    const error = Object.assign(new Error('listen EACCES'), { code: 'EACCES', port: 80 });
    expect(startupFailureMessage(error)).toMatch(/^Port 80 is reserved: this account may not listen on it\. /);
  });

  it('passes any other failure on in its own words', () => {
    expect(startupFailureMessage(new Error('database disk image is malformed'))).toBe('database disk image is malformed');
  });
});

describe('quitting', () => {
  it('holds the quit until the server has stopped and the database is closed whole', async () => {
    const dataDir = await dataFolderOnPort(await findFreePort());
    const result = await startEmbeddedServer(dataDir);
    if (result.outcome !== 'started') throw new Error('not started');
    const { server } = result;
    registerServerShutdown(server, (error) => {
      throw error;
    });
    app.quit();
    expect(app.hasQuit).toBe(false);
    await vi.waitFor(() => expect(app.hasQuit).toBe(true));
    await expect(fetch(`${server.url}/`)).rejects.toThrow();
    expect(existsSync(join(dataDir, 'studio.db-wal'))).toBe(false);
    const db = new Database(join(dataDir, 'studio.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('stops the server once when quit is asked again while it stops', async () => {
    const result = await startEmbeddedServer(await dataFolderOnPort(await findFreePort()));
    if (result.outcome !== 'started') throw new Error('not started');
    const close = vi.spyOn(result.server, 'close');
    registerServerShutdown(result.server, () => undefined);
    app.quit();
    app.quit();
    await vi.waitFor(() => expect(app.hasQuit).toBe(true));
    expect(close).toHaveBeenCalledOnce();
  });
});
