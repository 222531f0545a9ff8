import type { WorkspaceInput } from '../../shared/schemas/workspace.schema.js';
import { parseWorkspace } from '../../shared/validation/parse-workspace.js';
import type { Stores } from '../storage/stores.js';
import { importWorkspace } from './import.service.js';

const at = (column: number, row = 0) => ({ x: column * 260, y: row * 140 });
const link = (id: string, from: string, to: string, point = 'out') => ({ id, from: { node: from, point }, to: { node: to, point: 'in' } });

/** The Demo application written into a new data folder by the designer's commands: a table and endpoints that show what flows do. */
export const DEMO_WORKSPACE: WorkspaceInput = {
  format: 'actionflow-workspace',
  formatVersion: 1,
  applications: [
    {
      name: 'Demo',
      description: 'Sample application: a companies table and the endpoints that read and write it',
      tables: [
        {
          name: 'companies',
          columns: [
            { name: 'name', type: 'string' },
            { name: 'onboarded', type: 'date' },
            { name: 'country', type: 'string' },
          ],
          rows: [
            { name: 'Acme', onboarded: '2019-01-14', country: 'UK' },
            { name: 'Globex', onboarded: '2019-03-29', country: 'FR' },
            { name: 'Initech', onboarded: '2019-06-11', country: 'IE' },
            { name: 'Umbrella', onboarded: '2019-07-26', country: 'US' },
            { name: 'Hooli', onboarded: '2019-10-08', country: 'NL' },
            { name: 'Stark Industries', onboarded: '2019-11-22', country: 'ES' },
            { name: 'Wayne Enterprises', onboarded: '2020-02-04', country: 'DE' },
            { name: 'Wonka', onboarded: '2020-03-20', country: 'JP' },
            { name: 'Soylent', onboarded: '2020-06-02', country: 'UK' },
            { name: 'Tyrell', onboarded: '2020-07-17', country: 'FR' },
            { name: 'Cyberdyne', onboarded: '2020-09-29', country: 'IE' },
            { name: 'Aperture', onboarded: '2020-12-12', country: 'US' },
            { name: 'Black Mesa', onboarded: '2021-01-26', country: 'NL' },
            { name: 'Oscorp', onboarded: '2021-04-10', country: 'ES' },
            { name: 'Vandelay', onboarded: '2021-05-25', country: 'DE' },
            { name: 'Pied Piper', onboarded: '2021-08-07', country: 'JP' },
            { name: 'Massive Dynamic', onboarded: '2021-09-21', country: 'UK' },
            { name: 'Gringotts', onboarded: '2021-12-04', country: 'FR' },
            { name: 'Monarch', onboarded: '2022-01-18', country: 'IE' },
            { name: 'Nakatomi', onboarded: '2022-04-02', country: 'US' },
            { name: 'Dunder Mifflin', onboarded: '2022-06-15', country: 'NL' },
            { name: 'Prestige Worldwide', onboarded: '2022-07-30', country: 'ES' },
            { name: 'Sterling Cooper', onboarded: '2022-10-12', country: 'DE' },
            { name: 'Bluth', onboarded: '2022-11-26', country: 'JP' },
            { name: 'Krusty Krab', onboarded: '2023-02-08', country: 'UK' },
            { name: 'Planet Express', onboarded: '2023-03-25', country: 'FR' },
            { name: 'Los Pollos', onboarded: '2023-06-07', country: 'IE' },
            { name: 'Gekko & Co', onboarded: '2023-07-22', country: 'US' },
            { name: 'Ollivanders', onboarded: '2023-10-04', country: 'NL' },
            { name: 'Virtucon', onboarded: '2023-11-18', country: 'ES' },
            { name: 'Duff', onboarded: '2024-01-31', country: 'DE' },
            { name: 'Spacely Sprockets', onboarded: '2024-04-14', country: 'JP' },
            { name: 'Cogswell Cogs', onboarded: '2024-05-29', country: 'UK' },
            { name: 'Rekall', onboarded: '2024-08-11', country: 'FR' },
            { name: 'Weyland', onboarded: '2024-09-25', country: 'IE' },
            { name: 'Blue Sun', onboarded: '2024-12-08', country: 'US' },
          ],
        },
      ],
      actionflows: [
        {
          name: 'Companies Since',
          description: 'Companies onboarded after a date: POST {"since": "2021-01-01"}',
          api: { enabled: true, allowAnonymous: true, mode: 'sync', timeoutMs: null },
          nodes: [
            { id: 'in', type: 'apiInput', name: 'In', position: at(0) },
            { id: 'p', type: 'calculate', name: 'Params', position: at(1), config: { attributes: [{ name: 'since', expression: '$parseJson(body).since' }] } },
            { id: 'r', type: 'readTable', name: 'Read', position: at(2), config: { table: 'companies', where: 'onboarded > $in.since', orderBy: 'onboarded' } },
            { id: 'out', type: 'output', name: 'companies', position: at(3), config: { attributes: ['name', 'onboarded'] } },
          ],
          connections: [link('c1', 'in', 'p'), link('c2', 'p', 'r'), link('c3', 'r', 'out')],
        },
        {
          name: 'Company Lookup',
          description: 'One company by name: GET ?name=Acme; 404 when there is none',
          api: { enabled: true, allowAnonymous: true, mode: 'sync', timeoutMs: null },
          nodes: [
            { id: 'in', type: 'apiInput', name: 'In', position: at(0), config: { parameters: [{ name: 'name', default: '' }] } },
            { id: 'r', type: 'readTable', name: 'Find', position: at(1), config: { table: 'companies', where: 'name = $in.name', limit: 1 } },
            { id: 'all', type: 'aggregate', name: 'Gather', position: at(2), config: { into: 'matches' } },
            { id: 'g', type: 'gateway', name: 'Found?', position: at(3), config: { condition: '$count(matches) > 0' } },
            { id: 'ok', type: 'response', name: 'Company', position: at(4, -1), config: { body: 'matches[0]' } },
            {
              id: 'no',
              type: 'response',
              name: 'Not Found',
              position: at(4, 1),
              config: { statusCode: '404', body: '{"status": "Fail", "message": "no company has that name"}' },
            },
          ],
          connections: [link('c1', 'in', 'r'), link('c2', 'r', 'all'), link('c3', 'all', 'g'), link('c4', 'g', 'ok', 'true'), link('c5', 'g', 'no', 'false')],
        },
        {
          name: 'Register Company',
          description: 'Adds or updates a company: POST {"name": "Initech", "onboarded": "2024-05-01", "country": "US"}',
          api: { enabled: true, allowAnonymous: true, mode: 'sync', timeoutMs: null },
          nodes: [
            { id: 'in', type: 'apiInput', name: 'In', position: at(0) },
            { id: 'p', type: 'calculate', name: 'Parse', position: at(1), config: { attributes: [{ name: 'company', expression: '$parseJson(body)' }] } },
            {
              id: 'v',
              type: 'gateway',
              name: 'Has Name?',
              position: at(2),
              config: { condition: '$type(company.name) = "string" and $length(company.name) > 0' },
            },
            { id: 'e', type: 'error', name: 'Reject', position: at(3, 1), config: { message: '"a company needs a name"' } },
            { id: 'f', type: 'split', name: 'Fields', position: at(3, -1), config: { expression: 'company' } },
            { id: 's', type: 'saveTable', name: 'Save', position: at(4, -1), config: { table: 'companies', mode: 'upsert', key: 'name' } },
            { id: 'out', type: 'output', name: 'company', position: at(5, -1) },
          ],
          connections: [
            link('c1', 'in', 'p'),
            link('c2', 'p', 'v'),
            link('c3', 'v', 'f', 'true'),
            link('c4', 'v', 'e', 'false'),
            link('c5', 'f', 's'),
            link('c6', 's', 'out'),
          ],
        },
        {
          name: 'Companies By Country',
          description: 'How many companies each country has: GET',
          api: { enabled: true, allowAnonymous: true, mode: 'sync', timeoutMs: null },
          nodes: [
            { id: 'in', type: 'apiInput', name: 'In', position: at(0) },
            { id: 'r', type: 'readTable', name: 'All', position: at(1), config: { table: 'companies', orderBy: 'country' } },
            { id: 'a', type: 'aggregate', name: 'By Country', position: at(2), config: { into: 'companies', groupBy: 'country' } },
            {
              id: 'k',
              type: 'calculate',
              name: 'Count',
              position: at(3),
              config: {
                attributes: [
                  { name: 'country', expression: 'key' },
                  { name: 'count', expression: '$count(companies)' },
                ],
              },
            },
            { id: 'out', type: 'output', name: 'countries', position: at(4), config: { attributes: ['country', 'count'] } },
          ],
          connections: [link('c1', 'in', 'r'), link('c2', 'r', 'a'), link('c3', 'a', 'k'), link('c4', 'k', 'out')],
        },
        {
          name: 'Company Count',
          description: 'How many companies there are: GET with an API key (Authorization: Bearer <key>)',
          api: { enabled: true, allowAnonymous: false, mode: 'sync', timeoutMs: null },
          nodes: [
            { id: 'in', type: 'apiInput', name: 'In', position: at(0) },
            { id: 'r', type: 'readTable', name: 'All', position: at(1), config: { table: 'companies' } },
            { id: 'a', type: 'aggregate', name: 'Gather', position: at(2), config: { into: 'companies' } },
            { id: 'k', type: 'calculate', name: 'Count', position: at(3), config: { attributes: [{ name: 'count', expression: '$count(companies)' }] } },
            { id: 'out', type: 'output', name: 'total', position: at(4), config: { attributes: ['count'] } },
          ],
          connections: [link('c1', 'in', 'r'), link('c2', 'r', 'a'), link('c3', 'a', 'k'), link('c4', 'k', 'out')],
        },
      ],
    },
  ],
};

/** Writes the demo workspace into an empty store. */
export function seedDemoWorkspace(stores: Stores): void {
  const parsed = parseWorkspace(DEMO_WORKSPACE);
  if (!parsed.ok) throw new Error(`the demo workspace is not valid: ${JSON.stringify(parsed.problems)}`);
  importWorkspace(stores, parsed.workspace);
}
