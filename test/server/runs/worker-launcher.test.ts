import { describe, expect, it } from 'vitest';
import { forkWorker } from '../../../server/runs/worker-launcher.js';
import { tempFile } from '../../support/temp-dir.js';

/**
 * A worker's last words on stderr are how the pool tells a worker that ran out of memory from one
 * that crashed otherwise; they must all have arrived when the pool hears of its end.
 */
describe('a forked run worker', () => {
  it('has delivered everything it wrote to stderr by the time its end is reported', async () => {
    // Far more than a pipe's buffer, then an abort, as V8 does when the heap runs out.
    const script = tempFile(
      `require('node:fs').writeSync(2, 'x'.repeat(4 << 20) + '\\nFATAL ERROR: Reached heap limit\\n'); process.abort();`,
      'dying-worker.cjs',
    );
    const handle = forkWorker({ entry: script, args: [], memoryMb: 64 });
    let written = '';
    handle.onStderr((text) => {
      written += text;
    });
    const end = await new Promise<{ signal: string | null; written: string }>((resolve) => handle.onExit((_code, signal) => resolve({ signal, written })));
    expect(end.signal).toBe('SIGABRT');
    expect(end.written).toContain('FATAL ERROR: Reached heap limit');
  });
});
