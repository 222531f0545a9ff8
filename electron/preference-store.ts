import Store from 'electron-store';
import { MIN_WINDOW_SIZE, THEMES, type PreferenceStore, type PreferenceValues } from './preferences.js';

// The schema is checked on every read and write; a file that fails it is cleared rather than
// stopping the app, since it holds nothing the user cannot set again.
const SCHEMA = {
  theme: { type: 'string', enum: [...THEMES] },
  windowBounds: {
    type: 'object',
    properties: {
      x: { type: 'integer' },
      y: { type: 'integer' },
      width: { type: 'integer', minimum: MIN_WINDOW_SIZE.width },
      height: { type: 'integer', minimum: MIN_WINDOW_SIZE.height },
      maximized: { type: 'boolean' },
    },
    required: ['width', 'height', 'maximized'],
  },
} as const;

/** electron-store's file `preferences.json` in the user data folder (call after `app.setName`). */
export function openPreferenceStore(): PreferenceStore {
  return new Store<PreferenceValues>({ name: 'preferences', schema: SCHEMA, defaults: { theme: 'system' }, clearInvalidConfig: true });
}
