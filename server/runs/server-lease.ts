import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../clock.js';
import type { LeaseStore } from '../storage/lease.store.js';

/** Why a run whose server is gone ended Aborted. */
export const SERVER_STOPPED = 'the server stopped while the run was going on';

export interface LeaseTimes {
  /** How long a lease lasts without renewal (setting `leaseMs`, 30 s). */
  leaseMs: number;
  /** How often it is renewed (setting `leaseRenewMs`, 10 s). */
  renewMs: number;
}

/** Whether process `pid` of this host is alive (a permission error means it is, under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * This server's lease on the data folder (DESIGN §7). Every run records the server that owns it;
 * the lease is renewed on a timer, and each renewal sweeps: the runs of a server whose lease has
 * expired, or whose process on this host is gone, end Aborted in the processes and the console.
 * A second server on the same data never aborts the first one's runs while that one lives.
 */
export class ServerLease {
  readonly serverId = randomUUID();
  private readonly host = hostname();
  private readonly startedAt: number;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: LeaseStore,
    private readonly clock: Clock,
    private readonly times: () => LeaseTimes,
  ) {
    this.startedAt = clock.now();
  }

  /** Takes the lease, ends what servers that are gone left running (and runs from before leases), and keeps renewing. */
  start(): void {
    this.renew();
    this.endRunsOf(null);
    this.sweep();
    this.schedule();
  }

  /** Stops renewing and gives the lease up (once this server's runs have ended). */
  release(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.store.release(this.serverId);
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.renew();
      this.sweep();
      this.schedule();
    }, this.times().renewMs);
    this.timer.unref();
  }

  private renew(): void {
    this.store.renew({ serverId: this.serverId, host: this.host, pid: process.pid, expiresAt: this.clock.now() + this.times().leaseMs }, this.startedAt);
  }

  private sweep(): void {
    const now = this.clock.now();
    for (const lease of this.store.leases()) {
      if (lease.serverId === this.serverId) continue;
      const gone = lease.expiresAt < now || (lease.host === this.host && !alive(lease.pid));
      if (gone) this.endRunsOf(lease.serverId);
    }
  }

  private endRunsOf(serverId: string | null): void {
    this.store.abortRunsOf(serverId, this.clock.now(), JSON.stringify({ status: 'Aborted', message: SERVER_STOPPED }), SERVER_STOPPED);
  }
}
