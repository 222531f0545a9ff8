import {
  Button as AriaButton,
  Text,
  UNSTABLE_Toast as Toast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastQueue as ToastQueue,
  UNSTABLE_ToastRegion as ToastRegion,
} from 'react-aria-components';
import { AlertTriangle, CheckCircle2, Info, X, XCircle } from 'lucide-react';

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

export interface Notice {
  tone: NoticeTone;
  title: string;
  description?: string;
}

const queue = new ToastQueue<Notice>({ maxVisibleToasts: 4 });

const TIMEOUTS: Record<NoticeTone, number | undefined> = { info: 5000, success: 4000, warning: undefined, error: undefined };

/** Shows a notification; warnings and errors stay until closed. */
export function notify(notice: Notice): void {
  const timeout = TIMEOUTS[notice.tone];
  queue.add(notice, timeout ? { timeout } : {});
}

const ICONS = { info: Info, success: CheckCircle2, warning: AlertTriangle, error: XCircle } as const;

/** Where notifications appear (bottom right), announced to screen readers. */
export function Notifications() {
  return (
    <ToastRegion queue={queue} className="toast-region">
      {({ toast }) => {
        const Icon = ICONS[toast.content.tone];
        return (
          <Toast toast={toast} className={`toast toast-${toast.content.tone}`}>
            <Icon size={18} className="toast-icon" aria-hidden="true" />
            <ToastContent className="toast-content">
              <Text slot="title" className="toast-title">
                {toast.content.title}
              </Text>
              {toast.content.description && (
                <Text slot="description" className="toast-description">
                  {toast.content.description}
                </Text>
              )}
            </ToastContent>
            <AriaButton slot="close" className="btn btn-icon btn-ghost toast-close" aria-label="Close">
              <X size={14} />
            </AriaButton>
          </Toast>
        );
      }}
    </ToastRegion>
  );
}
