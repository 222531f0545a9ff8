import { InvalidArgumentError } from 'commander';

/** Parses `--port`: 0 to 65535. */
export function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65_535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return Number(value);
}
