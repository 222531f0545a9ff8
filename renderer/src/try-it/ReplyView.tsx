import { ExternalLink, RefreshCw, TerminalSquare } from 'lucide-react';
import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { useStudioStore } from '../state/studio-store.js';
import type { TryItExchange } from './try-it.slice.js';
import { Button } from '../ui/Button.js';
import { JsonEditor } from '../ui/code-editors.js';
import { formatBytes, formatDuration, prettyJsonBody, statusTone } from './reply-format.js';
import { runStatusOf } from './try-it-request.js';

function AsyncRun({ exchange }: { exchange: TryItExchange }) {
  const { poll, busy } = useStudioStore(useShallow((state) => ({ poll: state.pollTryIt, busy: state.tryItBusy })));
  const status = exchange.polls > 0 && exchange.reply ? runStatusOf(exchange.reply.body, exchange.reply.contentType) : 'Running';
  const ended = status !== null && status !== 'Running';
  return (
    <div className="try-it-async" data-testid="try-it-async">
      <span>
        {ended ? (
          <>
            The run ended: <strong data-testid="try-it-run-status">{status}</strong> (process <code>{exchange.processId}</code>, poll {exchange.polls})
          </>
        ) : (
          <>
            The run goes on asynchronously, polled until it ends: process <code>{exchange.processId}</code>
            {exchange.polls > 0 && <> · showing poll {exchange.polls}</>}
          </>
        )}
      </span>
      <Button size="sm" icon={<RefreshCw size={14} />} onPress={() => void poll()} isDisabled={busy}>
        Poll
      </Button>
    </div>
  );
}

/** The last reply: status, time and size, a link to its console entry, then its body (pretty JSON) and headers. */
export function ReplyView({ exchange }: { exchange: TryItExchange | null }) {
  const { busy, showConsoleEntryOf } = useStudioStore(useShallow((state) => ({ busy: state.tryItBusy, showConsoleEntryOf: state.showConsoleEntryOf })));
  const [tab, setTab] = useState<string>('body');
  if (!exchange || (!exchange.reply && !exchange.error)) {
    return <div className="try-it-reply is-empty">{busy ? 'Waiting for the reply…' : 'Send the request to see the reply here.'}</div>;
  }
  if (!exchange.reply) {
    return (
      <div className="try-it-reply">
        <p className="try-it-error" role="alert">
          {exchange.error}
        </p>
      </div>
    );
  }
  const { reply } = exchange;
  const pretty = prettyJsonBody(reply.body, reply.contentType);
  return (
    <div className="try-it-reply" data-testid="try-it-reply">
      <div className="reply-status-line">
        <span className={`status-pill is-${statusTone(reply.status)}`} data-testid="reply-status">
          {reply.status} {reply.statusText}
        </span>
        <span className="reply-meta" data-testid="reply-time">
          {formatDuration(reply.ms)}
        </span>
        <span className="reply-meta">{formatBytes(reply.bytes)}</span>
        <Button
          size="sm"
          variant="ghost"
          className="reply-console-link"
          icon={exchange.processId ? <TerminalSquare size={14} /> : <ExternalLink size={14} />}
          onPress={() => void showConsoleEntryOf(exchange.processId, exchange.target)}
        >
          {exchange.processId ? 'Open its console entry' : 'Show this endpoint’s entries'}
        </Button>
      </div>
      {exchange.pollUrl && <AsyncRun exchange={exchange} />}
      <Tabs className="reply-tabs" selectedKey={tab} onSelectionChange={(key) => setTab(String(key))}>
        <TabList className="tab-list sub-tabs" aria-label="Reply">
          <Tab id="body" className="tab">
            Body
          </Tab>
          <Tab id="headers" className="tab">
            Headers <span className="count-badge">{reply.headers.length}</span>
          </Tab>
        </TabList>
        <TabPanel id="body" className="request-tab-panel reply-body">
          {reply.body === '' ? (
            <p className="try-it-note">No body.</p>
          ) : pretty !== null ? (
            <JsonEditor label="Reply body" value={pretty} readOnly className="try-it-editor" testId="reply-body" />
          ) : (
            <pre className="reply-text" data-testid="reply-body">
              {reply.body}
            </pre>
          )}
        </TabPanel>
        <TabPanel id="headers" className="request-tab-panel">
          <table className="data-table compact reply-headers">
            <tbody>
              {reply.headers.map(([name, value], index) => (
                <tr key={`${name}-${index}`}>
                  <th scope="row">{name}</th>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabPanel>
      </Tabs>
    </div>
  );
}
