/**
 * Sync on reconnect: after the team server was found unreachable, the app tries it again every
 * half minute (and when the browser says it is online); once it answers, a sync (pull, then push)
 * runs. Nothing runs while the server has never been unreachable: sync stays the user's act.
 */
import { useEffect } from 'react';
import { useTeamConnect, useTeamSync } from '../../api/mutations.ts';
import { useTeamStatus } from '../../api/queries.ts';

const RETRY_MS = 30_000;

export function useTeamReconnect(): void {
  const status = useTeamStatus(false).data;
  const { mutateAsync: connect } = useTeamConnect();
  const { mutate: sync } = useTeamSync();
  const waiting = status?.configured === true && status.error?.code === 'UNAVAILABLE';
  useEffect(() => {
    if (!waiting) return;
    const attempt = () =>
      void connect().then(
        (s) => (s.connected ? sync({}) : undefined),
        () => undefined,
      );
    const timer = setInterval(attempt, RETRY_MS);
    window.addEventListener('online', attempt);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', attempt);
    };
  }, [waiting, connect, sync]);
}
