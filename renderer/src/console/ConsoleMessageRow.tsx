import { ChevronRight } from 'lucide-react';
import { Button as AriaButton, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import type { ConsoleMessage } from '../../../shared/dto/console.dto.js';
import { JsonTree } from '../ui/JsonTree.js';
import { fullTime, timeOfDay } from './entry-format.js';

/** One message of an entry: its kind, text and time; its details open as a JSON tree. */
export function ConsoleMessageRow({ message }: { message: ConsoleMessage }) {
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
        </div>
      </li>
    );
  }
  return (
    <li className="console-message" data-kind={message.kind}>
      <Disclosure className="message-disclosure">
        <Heading level={4} className="message-heading">
          <AriaButton slot="trigger" className="message-head">
            <ChevronRight size={13} className="message-chevron" aria-hidden="true" />
            {head}
          </AriaButton>
        </Heading>
        <DisclosurePanel className="message-details">
          <JsonTree value={message.details} label={`Details of ${message.kind}: ${message.text}`} />
        </DisclosurePanel>
      </Disclosure>
    </li>
  );
}
