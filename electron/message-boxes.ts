import { dialog, type BrowserWindow } from 'electron';

export const PRODUCT_NAME = 'Actionflow Studio';

/** Says what is wrong with the port and asks whether to run on `freePort` for this session; true to go on. */
export async function askToUseAnotherPort(problem: string, freePort: number): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: PRODUCT_NAME,
    message: problem,
    detail:
      `${PRODUCT_NAME} can run its server on port ${freePort} for this session instead; ` +
      'the URLs of your API endpoints change with it. To keep another port for good, change it in Settings.',
    buttons: [`Use port ${freePort}`, 'Quit'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  return response === 0;
}

/** Says why the app cannot start (the server's message names the file or port at fault). */
export function showStartupError(message: string): void {
  dialog.showErrorBox(`${PRODUCT_NAME} cannot start`, message);
}

export interface AboutDetails {
  version: string;
  serverUrl: string;
  dataDir: string;
  versions: { electron?: string; chrome?: string; node?: string };
}

/** The lines of the About box. */
export function aboutText(details: AboutDetails): string {
  return [
    `Version ${details.version}`,
    `Server ${details.serverUrl}`,
    `Data folder ${details.dataDir}`,
    `Electron ${details.versions.electron ?? '?'}, Chromium ${details.versions.chrome ?? '?'}, Node.js ${details.versions.node ?? '?'}`,
  ].join('\n');
}

/** Help › About. */
export async function showAbout(owner: BrowserWindow | undefined, details: AboutDetails): Promise<void> {
  const options = { type: 'info' as const, title: `About ${PRODUCT_NAME}`, message: PRODUCT_NAME, detail: aboutText(details), buttons: ['OK'] };
  if (owner) await dialog.showMessageBox(owner, options);
  else await dialog.showMessageBox(options);
}
