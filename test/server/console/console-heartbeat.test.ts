import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it, onTestFinished } from 'vitest';
import { consoleRoutes } from '../../../server/admin/console.routes.js';
import type { RunServices } from '../../../server/runs/run-services.js';
import type { ConsoleSubscriber } from '../../../server/console/console.service.js';
import { openEventStream } from './console-fixtures.js';

/** The console's routes alone, over a console that only counts its subscribers, with a quick heartbeat. */
async function streamServer(heartbeatMs: number) {
  const subscribers = new Set<ConsoleSubscriber>();
  const services = {
    console: {
      subscribe: (subscriber: ConsoleSubscriber) => {
        subscribers.add(subscriber);
        return () => subscribers.delete(subscriber);
      },
    },
  } as unknown as RunServices;
  const app = express();
  app.use(consoleRoutes(services, { heartbeatMs }));
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  onTestFinished(() => {
    server.closeAllConnections();
    server.close();
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/console/stream`, subscribers };
}

describe('the console event stream while nothing happens', () => {
  it('sends a heartbeat comment at its interval, after the first line', async () => {
    const { url } = await streamServer(40);
    const stream = await openEventStream(url);
    await expect.poll(() => stream.comments.filter((comment) => comment === 'heartbeat').length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    expect(stream.comments[0]).toBe('connected');
    expect(stream.events).toEqual([]);
  });

  it('lets go of the console and stops its heartbeat when the client leaves', async () => {
    const { url, subscribers } = await streamServer(40);
    const stream = await openEventStream(url);
    await expect.poll(() => subscribers.size, { timeout: 5_000 }).toBe(1);
    stream.close();
    await expect.poll(() => subscribers.size, { timeout: 5_000 }).toBe(0);
  });
});
