import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentationFolder } from '../../electron/documentation.js';

describe('documentationFolder', () => {
  it('prefers the docs a packaged app ships in its resources', () => {
    const exists = () => true;
    expect(documentationFolder({ appPath: '/app/resources/app.asar', resourcesPath: '/app/resources' }, exists)).toBe(join('/app/resources', 'docs'));
  });

  it('uses the project docs folder when running from source', () => {
    expect(documentationFolder({ appPath: '/work/project' }, (path) => path === join('/work/project', 'docs'))).toBe(join('/work/project', 'docs'));
  });

  it('finds nothing when neither place has docs', () => {
    expect(documentationFolder({ appPath: '/work/project', resourcesPath: '/app/resources' }, () => false)).toBeUndefined();
  });
});
