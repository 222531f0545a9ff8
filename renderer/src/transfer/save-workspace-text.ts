import { desktopApi } from '../session/read-session.js';
import { downloadFile } from '../ui/download-file.js';

/**
 * Saves a workspace file: through the desktop app's native save dialog when there is one, else as a
 * browser download. False when the user cancelled the dialog.
 */
export async function saveWorkspaceText(name: string, text: string): Promise<boolean> {
  const desktop = desktopApi();
  if (desktop) return desktop.saveWorkspaceFile(name, text);
  downloadFile(name, text, 'application/json');
  return true;
}
