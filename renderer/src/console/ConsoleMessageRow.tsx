import { ChevronRight, Crosshair } from 'lucide-react';
import { Button as AriaButton, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import type { ConsoleMessage } from '../../../shared/dto/console.dto.js';
import { useStudioStore } from '../state/studio-store.js';
import { IconButton } from '../ui/Button.js';
import { JsonTree } from '../ui/JsonTree.js';
import { fullTime, timeOfDay } from './entry-format.js';

/** The node a message names in its details (errors, debug lines, warnings, HTTP calls). */
const nodeOf = (message: ConsoleMessage): string | null => {
  const node = (message.details as { node?: unknown } | null | undefined)?.node;
  return typeof node === 'string' && node !== '' ? node : null;
};

/** One message of an entry: its kind, text and time; its details open as a JSON tree; one that names a node selects it on its flow. */
export function ConsoleMessageRow({ message, flow }: { message: ConsoleMessage; flow: { application: string; actionflow: string } }) {
  const node = nodeOf(message);
  const focusNode = useStudioStore((state) => state.focusNode);
  const select = node ? () => focusNode({ ...flow, node }) : undefined;
  const selectButton = node && (
    <IconButton className="message-select-node" label={`Select “${node.split('/')[0]}” on the canvas`} icon={<Crosshair size={13} />} onPress={select!} />
  );
  const head = (
    <>
      <span className={`message-kind is-${message.kind.toLowerCase()}`}>{message.kind}</span>
      <span className="message-text">{message.text}</span>
      <time className="message-time" dateTime={message.at} title={fullTime(message.at)}>
        {timeOfDay(message.at)}
      </time>
    </>
  );
  if (message.details === undefined || message.details === null) {
    return (
      <li className="console-message" data-kind={message.kind}>
        <div className="message-head">
          <span className="message-chevron-space" aria-hidden="true" />
          {head}
          {selectButton}
        </div>
      </li>
    );
  }
  return (
    <li className="console-message" data-kind={message.kind}>
      <Disclosure
        className="message-disclosure"
        onExpandedChange={() => {
          // Clicking a message selects its node when its flow is open, without leaving the view otherwise.
          const route = useStudioStore.getState().route;
          if (select && route.view === 'flow' && route.application === flow.application && route.flow === flow.actionflow) select();
        }}
      >
        <Heading level={4} className="message-heading">
          <AriaButton slot="trigger" className="message-head">
            <ChevronRight size={13} className="message-chevron" aria-hidden="true" />
            {head}
          </AriaButton>
          {selectButton}
        </Heading>
        <DisclosurePanel className="message-details">
          <JsonTree value={message.details} label={`Details of ${message.kind}: ${message.text}`} />
        </DisclosurePanel>
      </Disclosure>
    </li>
  );
}
