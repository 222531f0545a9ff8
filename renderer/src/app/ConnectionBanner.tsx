import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStudioStore } from '../state/studio-store.js';
import { Button } from '../ui/Button.js';

/** Says when the server cannot be reached (and when the next attempt is), or when the session is no longer valid. */
export function ConnectionBanner() {
  const { reachability, nextRetryAt, retryNow } = useStudioStore(
    useShallow((state) => ({ reachability: state.reachability, nextRetryAt: state.nextRetryAt, retryNow: state.retryNow })),
  );
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (reachability !== 'offline') return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [reachability]);

  if (reachability === 'online') return null;
  if (reachability === 'unauthorized') {
    return (
      <div className="banner banner-error" role="alert">
        The session is no longer valid (the server was given a new session token). Open the designer again from the address the server printed. Unsaved edits
        are kept in this browser.
      </div>
    );
  }
  const seconds = nextRetryAt ? Math.max(0, Math.ceil((nextRetryAt - now) / 1000)) : 0;
  return (
    <div className="banner banner-warning" role="alert" data-testid="offline-banner">
      <span>
        <strong>The server cannot be reached.</strong> It may be stopped or restarting. Your edits are kept; trying again{' '}
        {seconds > 0 ? `in ${seconds} s` : 'now'}…
      </span>
      <Button size="sm" variant="ghost" onPress={retryNow}>
        Retry now
      </Button>
    </div>
  );
}
