import { DEFAULT_SETTINGS, type Settings } from '../../../shared/schemas/settings.schema.js';

export type SettingKey = keyof Settings;

export interface SettingField {
  key: SettingKey;
  label: string;
  description: string;
  /** How the default is shown, e.g. "3600000 ms (1 h)". */
  unit?: 'ms' | 'bytes';
}

export interface SettingGroup {
  title: string;
  fields: readonly SettingField[];
}

/** Every setting the admin screens edit, grouped as they are shown; each says what it does. */
export const SETTING_GROUPS: readonly SettingGroup[] = [
  {
    title: 'Server',
    fields: [
      { key: 'port', label: 'Port', description: 'The port the app listens on. Takes effect the next time the server starts (actionflow serve --port wins).' },
      {
        key: 'instance',
        label: 'Instance name',
        description: 'The first part of every endpoint’s path: /{instance}/api/1/action/…. Letters, digits, “-” and “_”.',
      },
      {
        key: 'publicBaseUrl',
        label: 'Public base URL',
        description: 'The address clients use (e.g. behind a proxy): copied URLs start with it. Empty: this server’s own address.',
      },
    ],
  },
  {
    title: 'Runs',
    fields: [
      { key: 'maxTimeoutMs', label: 'Longest timeout a caller may ask for', description: 'The largest ?timeout= a trigger accepts.', unit: 'ms' },
      { key: 'maxRunTimeMs', label: 'Longest run', description: 'An async run still going after this long is aborted.', unit: 'ms' },
      { key: 'processRetentionMs', label: 'Keep finished runs for', description: 'How long a finished run can be polled.', unit: 'ms' },
      { key: 'maxConcurrentRuns', label: 'Runs at once', description: 'Running and waiting for a run slot; a trigger beyond this many gets 503.' },
      { key: 'maxBodyBytes', label: 'Largest request body', description: 'A larger body gets 413.', unit: 'bytes' },
      {
        key: 'maxQueuedRunsPerEndpoint',
        label: 'Runs waiting per endpoint',
        description: 'Runs of one endpoint waiting for a run slot; a trigger beyond this many gets 503.',
      },
      { key: 'maxRunRecords', label: 'Records per run', description: 'A run holding more records at once fails, naming this setting.' },
      {
        key: 'maxValueBytes',
        label: 'Largest value an expression builds',
        description: 'A larger string or array fails its run, naming this setting.',
        unit: 'bytes',
      },
    ],
  },
  {
    title: 'Run workers',
    fields: [
      {
        key: 'runWorkers',
        label: 'Run workers',
        description: 'Processes that perform runs (at least 2). Empty: one per core. Takes effect the next time the server starts.',
      },
      { key: 'runsPerWorker', label: 'Runs per worker', description: 'Runs that share one worker at once. Takes effect the next time the server starts.' },
      {
        key: 'workerMemoryMb',
        label: 'Memory per worker (MiB)',
        description: 'A run that exhausts it is lost with its worker. Takes effect the next time the server starts.',
      },
      { key: 'leaseMs', label: 'Server lease', description: 'Runs of a server that has not renewed its lease for this long are ended as Aborted.', unit: 'ms' },
      { key: 'leaseRenewMs', label: 'Lease renewal', description: 'How often the server renews its lease on the data folder.', unit: 'ms' },
    ],
  },
  {
    title: 'System Console',
    fields: [
      { key: 'consoleMaxEntries', label: 'Entries kept', description: 'Older entries are removed beyond this count.' },
      { key: 'consoleMaxAgeMs', label: 'Keep entries for', description: 'Entries older than this are removed.', unit: 'ms' },
    ],
  },
  {
    title: 'Expressions',
    fields: [
      { key: 'expressionTimeoutMs', label: 'Time per evaluation', description: 'An expression still evaluating after this long fails its record.', unit: 'ms' },
      { key: 'expressionMaxDepth', label: 'Depth per evaluation', description: 'Deeper recursion fails the record.' },
    ],
  },
];

const DURATIONS: [number, string][] = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1000, 'second'],
];
const SIZES: [number, string][] = [
  [1024 * 1024, 'MiB'],
  [1024, 'KiB'],
];

/** A number of milliseconds or bytes as people say it: 86400000 → "1 day", 10485760 → "10 MiB". */
export function readableAmount(value: number, unit: SettingField['unit']): string | null {
  if (unit === 'ms') {
    const found = DURATIONS.find(([size]) => value >= size && value % size === 0);
    if (!found) return null;
    const count = value / found[0];
    return `${count} ${found[1]}${count === 1 ? '' : 's'}`;
  }
  if (unit === 'bytes') {
    const found = SIZES.find(([size]) => value >= size && value % size === 0);
    return found ? `${value / found[0]} ${found[1]}` : null;
  }
  return null;
}

/** A setting's label with its unit: "Longest run (ms)". */
export function settingLabel(field: SettingField): string {
  return field.unit ? `${field.label} (${field.unit})` : field.label;
}

/** "Default: 3600000 ms (1 hour)." */
export function defaultText(field: SettingField): string {
  const value = DEFAULT_SETTINGS[field.key];
  if (value === null) return 'Default: not set.';
  if (typeof value !== 'number') return `Default: ${value}.`;
  const readable = readableAmount(value, field.unit);
  return `Default: ${value}${field.unit ? ` ${field.unit}` : ''}${readable ? ` (${readable})` : ''}.`;
}

/** The text a setting is edited as. */
export function settingText(value: Settings[SettingKey] | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/**
 * What the form's texts change, as the admin API takes it: numbers for number settings (a text that
 * is not a number is sent as is, for the server to refuse by name), null for an empty public base URL,
 * the default for any other emptied setting.
 */
export function settingChanges(texts: Partial<Record<SettingKey, string>>, current: Settings): Partial<Record<SettingKey, unknown>> {
  const changes: Partial<Record<SettingKey, unknown>> = {};
  for (const [key, text] of Object.entries(texts) as [SettingKey, string][]) {
    const trimmed = text.trim();
    const fallback = DEFAULT_SETTINGS[key];
    let value: unknown;
    if (trimmed === '') value = fallback;
    else if (typeof fallback === 'number') value = /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
    else value = trimmed;
    if (value !== current[key]) changes[key] = value;
  }
  return changes;
}
