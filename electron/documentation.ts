import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type DocumentationTarget = { kind: 'web'; url: string } | { kind: 'folder'; path: string };

export interface DocumentationPlaces {
  /** package.json `homepage`, when the project publishes one. */
  homepage?: string | undefined;
  /** The project folder (`app.getAppPath()`), where `docs/` sits when running from source. */
  appPath: string;
  /** Where a packaged app keeps `docs/` (`process.resourcesPath`). */
  resourcesPath?: string | undefined;
}

/** Help › Documentation opens the published docs when there is a homepage, else the docs folder shipped beside the app. */
export function documentationTarget(places: DocumentationPlaces, exists: (path: string) => boolean = existsSync): DocumentationTarget | undefined {
  if (places.homepage && /^https?:\/\//.test(places.homepage)) return { kind: 'web', url: places.homepage };
  const folders = [places.resourcesPath, places.appPath].filter((dir): dir is string => Boolean(dir)).map((dir) => join(dir, 'docs'));
  const folder = folders.find((path) => exists(path));
  return folder === undefined ? undefined : { kind: 'folder', path: folder };
}
