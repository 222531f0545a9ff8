import { Eye, EyeOff } from 'lucide-react';
import { useState } from 'react';
import { Input, Label, Tab, TabList, TabPanel, Tabs, Text, TextField } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { useStudioStore } from '../state/studio-store.js';
import { IconButton } from '../ui/Button.js';
import { JsonEditor } from '../ui/code-editors.js';
import { expiryText } from './key-expiry.js';
import { KeyValueRows } from './KeyValueRows.js';
import { isAuthorization } from './try-it-request.js';

const count = (rows: readonly { name: string }[]) => rows.filter((row) => row.name.trim()).length;

function ApiKeyField({ anonymous }: { anonymous: boolean }) {
  const { key, origin, setKey } = useStudioStore(useShallow((state) => ({ key: state.tryItKey, origin: state.tryItKeyOrigin, setKey: state.setTryItKey })));
  const [shown, setShown] = useState(false);
  // A key Try it created was shown once, when it was made: it stays masked (typing replaces it).
  const visible = shown && !origin;
  return (
    <TextField className="field try-it-key" value={key} onChange={(typed) => setKey(typed)} autoComplete="off" type={visible ? 'text' : 'password'}>
      <Label className="field-label">API key</Label>
      <div className="try-it-key-box">
        <Input className="input" placeholder="Paste an API key (sent as Authorization: Bearer …)" spellCheck={false} />
        {!origin && (
          <IconButton
            label={visible ? 'Hide the key' : 'Show the key'}
            icon={visible ? <EyeOff size={14} /> : <Eye size={14} />}
            onPress={() => setShown(!shown)}
          />
        )}
      </div>
      <Text slot="description" className="field-description">
        {anonymous ? 'This endpoint allows anonymous calls: no key is needed (one sent anyway reaches the flow as a header). ' : ''}
        {origin ? `The test key “${origin.label}” for “${origin.user}”: it ${expiryText(origin.expiresAt)} and is not shown again. ` : ''}
        Kept in this page only: never saved, and not remembered with the recent requests.
      </Text>
    </TextField>
  );
}

/** The request's body (a JSON editor), query parameters, headers and API key, as tabs. */
export function RequestEditor({ anonymous }: { anonymous: boolean }) {
  const { request, edit, send, hasKey } = useStudioStore(
    useShallow((state) => ({ request: state.tryItRequest, edit: state.editTryItRequest, send: state.sendTryIt, hasKey: state.tryItKey.trim() !== '' })),
  );
  const [tab, setTab] = useState<string>('body');
  const badge = (n: number) => (n > 0 ? <span className="count-badge">{n}</span> : null);
  return (
    <Tabs className="request-tabs" selectedKey={tab} onSelectionChange={(key) => setTab(String(key))}>
      <TabList className="tab-list sub-tabs" aria-label="Request">
        <Tab id="body" className="tab">
          Body
        </Tab>
        <Tab id="query" className="tab">
          Query {badge(count(request.query))}
        </Tab>
        <Tab id="headers" className="tab">
          Headers {badge(count(request.headers))}
        </Tab>
        <Tab id="key" className="tab">
          API key {hasKey && <span className="count-badge">✓</span>}
        </Tab>
      </TabList>
      <TabPanel id="body" className="request-tab-panel request-body">
        {request.method === 'GET' ? (
          <p className="try-it-note">A browser cannot send a body with GET: choose POST to send one (what you typed is kept).</p>
        ) : (
          <JsonEditor
            label="Request body"
            value={request.body}
            onChange={(body) => edit({ body })}
            onSubmit={() => void send()}
            lint
            className="try-it-editor"
            testId="try-it-body"
          />
        )}
      </TabPanel>
      <TabPanel id="query" className="request-tab-panel">
        <KeyValueRows noun="parameter" rows={request.query} onChange={(query) => edit({ query })} namePlaceholder="name" valuePlaceholder="value" />
        <p className="try-it-note">
          The endpoint’s declared input parameters, and <code>timeout</code> (ms) to override its timeout.
        </p>
      </TabPanel>
      <TabPanel id="headers" className="request-tab-panel">
        <KeyValueRows
          noun="header"
          rows={request.headers}
          onChange={(headers) => edit({ headers })}
          namePlaceholder="Header-Name"
          valuePlaceholder="value"
          noteFor={(row) =>
            isAuthorization(row.name)
              ? hasKey
                ? 'Replaced by the API key field.'
                : 'Not remembered with the recent requests; the API key tab is the place for a key.'
              : undefined
          }
        />
      </TabPanel>
      <TabPanel id="key" className="request-tab-panel">
        <ApiKeyField anonymous={anonymous} />
      </TabPanel>
    </Tabs>
  );
}
