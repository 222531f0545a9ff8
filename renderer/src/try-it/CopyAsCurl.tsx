import { Check, Copy, TerminalSquare } from 'lucide-react';
import { useState } from 'react';
import { Dialog, DialogTrigger, Heading, Popover } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_INSTANCE } from '../../../shared/urls.js';
import { useStudioStore } from '../state/studio-store.js';
import { Button } from '../ui/Button.js';
import { Toggle } from '../ui/fields.js';
import { COPIED_SHOWN_MS, useCopyText } from '../ui/use-copy-text.js';
import { curlCommand, pollCurlCommand } from './curl-command.js';
import { sameEndpoint, triggerUrl, type EndpointRef } from './try-it-request.js';

/** The request as a curl command on the public base URL (when set), shown before it is copied; the key only when asked for. */
export function CopyAsCurl({ target }: { target: EndpointRef }) {
  const { request, apiKey, settings, serverUrl, exchange } = useStudioStore(
    useShallow((state) => ({
      request: state.tryItRequest,
      apiKey: state.tryItKey,
      settings: state.settings,
      serverUrl: state.serverUrl,
      exchange: state.tryItExchange,
    })),
  );
  const [includeKey, setIncludeKey] = useState(false);
  const url = triggerUrl(settings?.publicBaseUrl ?? serverUrl, settings?.instance ?? DEFAULT_INSTANCE, target, request.query);
  // The last call's async run, when it has one: its poll, on the public base URL too.
  const pollUrl = exchange?.pollUrl && sameEndpoint(exchange.target, target) ? exchange.pollUrl.replace(serverUrl, settings?.publicBaseUrl ?? serverUrl) : null;
  const poll = pollUrl ? pollCurlCommand(request, pollUrl, apiKey, includeKey) : null;
  const command = poll
    ? `${curlCommand(request, url, apiKey, includeKey)}\n\n# then poll the run until it ends:\n${poll}`
    : curlCommand(request, url, apiKey, includeKey);
  const { copied, copy } = useCopyText(command, { title: 'Could not copy the command' }, COPIED_SHOWN_MS);
  return (
    <DialogTrigger>
      <Button size="sm" icon={<TerminalSquare size={14} />}>
        Copy as curl
      </Button>
      <Popover className="popover curl-popover" placement="bottom end" offset={6}>
        <Dialog className="curl-dialog" aria-label="Copy as curl">
          <Heading slot="title" className="curl-title">
            Copy as curl
          </Heading>
          <pre className="curl-command" data-testid="curl-command">
            {command}
          </pre>
          <div className="curl-actions">
            <Toggle label="Include the API key" isSelected={includeKey} onChange={setIncludeKey} />
            <Button variant="primary" size="sm" icon={copied ? <Check size={14} /> : <Copy size={14} />} onPress={() => void copy()}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          </div>
          <p className="field-description">
            {includeKey ? 'The command holds the key: keep it to yourself.' : 'The key reads $API_KEY: set that variable in your shell, or include the key.'}
          </p>
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
