import { useEffect, useState } from 'react';
import { copyText } from './copy-text.js';
import { notify } from './notifications.js';

/** How long a button that copied says so, where it goes back to its label by itself. */
export const COPIED_SHOWN_MS = 1500;

/**
 * A copy button's behaviour: `copy()` puts `text` on the clipboard, and `copied` says it did until
 * `text` changes (or for `briefly` ms, when given); a refusal is a notification saying `failure`.
 */
export function useCopyText(text: string, failure: { title: string; description?: string }, briefly?: number): { copied: boolean; copy: () => Promise<void> } {
  const [copied, setCopied] = useState(false);
  useEffect(() => setCopied(false), [text]);
  useEffect(() => {
    if (!copied || briefly === undefined) return;
    const timer = setTimeout(() => setCopied(false), briefly);
    return () => clearTimeout(timer);
  }, [copied, briefly]);
  const copy = async () => {
    if (await copyText(text)) setCopied(true);
    else notify({ tone: 'error', ...failure });
  };
  return { copied, copy };
}
