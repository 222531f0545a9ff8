import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface DocumentationPlaces {
  /** The project folder (`app.getAppPath()`), where `docs/` sits when running from source. */
  appPath: string;
  /** Where a packaged app keeps `docs/` (`process.resourcesPath`; electron-builder's extraResources). */
  resourcesPath?: string | undefined;
}

/**
 * The docs folder Help › Documentation opens: the one shipped with the app, so it matches the
 * installed version and works offline; undefined when neither place has one.
 */
export function documentationFolder(places: DocumentationPlaces, exists: (path: string) => boolean = existsSync): string | undefined {
  return [places.resourcesPath, places.appPath]
    .filter((dir): dir is string => Boolean(dir))
    .map((dir) => join(dir, 'docs'))
    .find((path) => exists(path));
}
