import { isIP } from 'node:net';
import type { Command } from 'commander';
import { formatProblem } from '../../../shared/problem.js';
import { resolveDataDir } from '../../storage/data-folder.js';
import { CliError } from '../cli-output.js';
import { parsePort } from '../port-option.js';
import { probeServePort } from '../port-probe.js';
import type { CliIo } from '../cli-io.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** `actionflow serve`: the server and the browser designer, until interrupted. */
export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('run the server and the browser designer (writes the demo workspace into an empty data folder)')
    .option('--data <dir>', 'data folder (default: $ACTIONFLOW_DATA or ~/.actionflow-studio)')
    .option('--port <n>', 'port to listen on (default: the port setting, 8080; 0 picks a free one)', parsePort)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .action(async (options: { data?: string; port?: number; host: string }) => {
      if (!LOOPBACK.has(options.host)) {
        const kind = isIP(options.host) ? 'address' : 'host name';
        io.tell(
          `actionflow: warning: binding ${kind} ${options.host}, not loopback: other machines can call your endpoints. The designer still answers only on 127.0.0.1, localhost and [::1].`,
        );
      }
      const dataDir = resolveDataDir(options.data);
      // Loaded here, not at the top: the server is most of the code, and every other command starts faster without it.
      const { startServer } = await import('../../start-server.js');
      let server;
      try {
        await probeServePort(options.host, options.port, dataDir);
        server = await startServer({ dataDir, host: options.host, seedDemo: true, ...(options.port === undefined ? {} : { port: options.port }) });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE')
          throw new CliError(
            `port ${options.port ?? 8080} on ${options.host} is taken by another program; choose another with --port N (or --port 0 for any free port)`,
          );
        if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
          throw new CliError(`cannot bind ${options.host}: no such address on this machine; choose another with --host`);
        if (code === 'EACCES') throw new CliError(`not allowed to listen on port ${options.port}; choose a port above 1023 with --port`);
        throw error;
      }
      io.print(`data folder ${dataDir}`);
      io.print(`listening on ${server.designerUrl}`);
      // Checks added in a later version can fail a stored flow; it keeps serving as before, and is named here.
      const { storedFlowsWithProblems } = await import('../../workspace/flow-checks.js');
      for (const { application, actionflow, problems } of storedFlowsWithProblems(server.stores)) {
        io.tell(`actionflow: warning: ${application} / ${actionflow} has ${problems.length} problem(s):`);
        for (const problem of problems) io.tell(`  ${formatProblem(problem)}`);
      }
      const stop = () => {
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
