import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsSchema } from '../../../shared/schemas/settings.schema.js';
import { defaultText, readableAmount, SETTING_GROUPS, settingChanges } from '../../../renderer/src/admin/settings-fields.js';

describe('the settings form', () => {
  it('offers every setting the server has, once', () => {
    const keys = SETTING_GROUPS.flatMap((group) => group.fields.map((field) => field.key));
    expect([...keys].sort()).toEqual(Object.keys(settingsSchema.shape).sort());
  });

  it('shows each default with its unit and as people say it', () => {
    const field = (key: string) => SETTING_GROUPS.flatMap((group) => group.fields).find((candidate) => candidate.key === key)!;
    expect(defaultText(field('processRetentionMs'))).toBe('Default: 86400000 ms (1 day).');
    expect(defaultText(field('maxBodyBytes'))).toBe('Default: 10485760 bytes (10 MiB).');
    expect(defaultText(field('instance'))).toBe('Default: phixflow.');
    expect(defaultText(field('publicBaseUrl'))).toBe('Default: not set.');
    expect(readableAmount(1500, 'ms')).toBeNull();
    expect(readableAmount(7 * 86_400_000, 'ms')).toBe('7 days');
  });

  it('sends only what changed: numbers as numbers, an emptied URL as null, another emptied setting as its default', () => {
    const current = { ...DEFAULT_SETTINGS, port: 9000, publicBaseUrl: 'https://api.example.com' };
    expect(settingChanges({ port: '9000', instance: 'phixflow', publicBaseUrl: 'https://api.example.com' }, current)).toEqual({});
    expect(settingChanges({ port: ' 9090 ', publicBaseUrl: '' }, current)).toEqual({ port: 9090, publicBaseUrl: null });
    expect(settingChanges({ port: '' }, current)).toEqual({ port: 8080 });
  });

  it('passes text that is not a number on as it is, for the server to refuse by name', () => {
    expect(settingChanges({ maxConcurrentRuns: 'many' }, DEFAULT_SETTINGS)).toEqual({ maxConcurrentRuns: 'many' });
  });
});
