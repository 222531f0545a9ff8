import { Check, Copy } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { absoluteUrl, DEFAULT_INSTANCE, triggerPath } from '../../../../shared/urls.js';
import { useStudioStore } from '../../state/studio-store.js';
import { IconButton } from '../../ui/Button.js';
import { COPIED_SHOWN_MS, useCopyText } from '../../ui/use-copy-text.js';

/** The endpoint's trigger URL (version 11 form): on the public base URL when one is set, else on this server. */
export function useTriggerUrl(application: string, actionflow: string): string {
  const { settings, serverUrl } = useStudioStore(useShallow((state) => ({ settings: state.settings, serverUrl: state.serverUrl })));
  const base = settings?.publicBaseUrl ?? serverUrl;
  return absoluteUrl(base, triggerPath({ instance: settings?.instance ?? DEFAULT_INSTANCE, application, actionflow }));
}

/** The trigger URL with a copy button. */
export function TriggerUrl({ application, actionflow, pending, enabled }: { application: string; actionflow: string; pending: boolean; enabled: boolean }) {
  const url = useTriggerUrl(application, actionflow);
  const { copied, copy } = useCopyText(url, { title: 'Could not copy the URL', description: url }, COPIED_SHOWN_MS);
  return (
    <div className="field trigger-url">
      <span className="field-label">Trigger URL</span>
      <div className="trigger-url-box">
        <code className="trigger-url-text" data-testid="trigger-url">
          {url.split('/').map((part, index) => (
            // Lets a long URL wrap after a slash rather than inside a name.
            <span key={index}>
              {index > 0 && '/'}
              {index > 2 && <wbr />}
              {part}
            </span>
          ))}
        </code>
        <IconButton label={copied ? 'Copied' : 'Copy URL'} icon={copied ? <Check size={14} /> : <Copy size={14} />} onPress={() => void copy()} />
      </div>
      <p className="field-description">{triggerUrlState(pending, enabled)}</p>
    </div>
  );
}

function triggerUrlState(pending: boolean, enabled: boolean): string {
  if (pending) return enabled ? 'Save to make your changes live at this URL.' : 'Save to disable the endpoint: this URL will answer 404.';
  return enabled ? 'Live: saved changes answer at once. GET or POST.' : 'Disabled: this URL answers 404 until the endpoint is enabled and saved.';
}
