/**
 * Settings → team (issue 20): the team server (URL, user, sslmode, CA file; the password only
 * where the OS keychain keeps it), connect/test, the status, push/pull/sync with progress, the
 * conflicts waiting for a choice and the team log. The app works the same without any of it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamStatus } from '../../../../electron/contract/api.ts';
import { useTeamConfigure, useTeamConnect, useTeamPull, useTeamPush, useTeamSync } from '../../api/mutations.ts';
import { useTeamLog, useTeamStatus } from '../../api/queries.ts';
import { ConflictDialog } from './conflict-dialog.tsx';
import { formFromUrl, urlFromForm, type SslMode, type TeamForm } from './team-url.ts';
import { useModal } from '../../components/use-modal.ts';

export interface TeamDialogProps {
  open: boolean;
  onClose(): void;
}

const SSL_MODES: readonly SslMode[] = ['require', 'verify-full', 'verify-ca', 'disable'];
const locale = (language: string) => (language === 'zh' ? 'zh-CN' : 'en-GB');

function StatusList({ status }: { status: TeamStatus }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale(i18n.language)) : t('team.never'));
  return (
    <dl className="team-status" data-testid="team-status">
      <dt>{t('team.state')}</dt>
      <dd data-testid="team-connected" data-connected={status.connected}>
        {status.connected ? t('team.connected') : status.configured ? t('team.offline') : t('team.notSet')}
      </dd>
      {status.connected && (
        <>
          <dt>{t('team.user')}</dt>
          <dd>
            {status.user} · <span data-testid="team-role">{t(`team.roles.${status.role ?? 'none'}`)}</span>
          </dd>
          <dt>{t('team.tls')}</dt>
          <dd>{status.tls ? t('team.tlsOn') : t('team.tlsOff')}</dd>
          <dt>{t('team.schema')}</dt>
          <dd>{t('team.schemaVersions', { server: status.serverSchema ?? '?', app: status.clientSchema })}</dd>
        </>
      )}
      <dt>{t('team.pending')}</dt>
      <dd data-testid="team-pending">
        {t('team.pendingCounts', { records: status.pending.records, deletions: status.pending.deletions })}
      </dd>
      <dt>{t('team.lastSync')}</dt>
      <dd>{t('team.lastSyncTimes', { push: when(status.lastPush), pull: when(status.lastPull) })}</dd>
    </dl>
  );
}

export function TeamDialog({ open, onClose }: TeamDialogProps) {
  const { t, i18n } = useTranslation();
  const ref = useModal(open);
  const configure = useTeamConfigure();
  const connect = useTeamConnect();
  const push = useTeamPush();
  const pull = useTeamPull();
  const sync = useTeamSync();
  const running = push.isPending || pull.isPending || sync.isPending;
  const status = useTeamStatus(running).data;
  const log = useTeamLog(open && status?.connected === true);
  const [form, setForm] = useState<TeamForm | null>(null);
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [conflictsOpen, setConflictsOpen] = useState(false);
  const shown = form ?? formFromUrl(status?.url ?? null);

  const act = (work: () => Promise<string>) =>
    void work().then(
      (text) => setMessage({ text, error: false }),
      (e: unknown) => setMessage({ text: (e as Error).message, error: true }),
    );
  const set = (patch: Partial<TeamForm>) => setForm({ ...shown, ...patch });

  const save = () =>
    act(async () => {
      await configure.mutateAsync({ url: urlFromForm(shown), ...(password ? { password } : {}) });
      setPassword('');
      setForm(null);
      const s = await connect.mutateAsync();
      if (!s.connected) throw new Error(s.error?.message ?? t('team.offline'));
      return t('team.connectedAs', { user: s.user, role: t(`team.roles.${s.role ?? 'none'}`) });
    });
  const test = () =>
    act(async () => {
      const s = await connect.mutateAsync();
      if (!s.connected) throw new Error(s.error?.message ?? t('team.offline'));
      return t('team.connectedAs', { user: s.user, role: t(`team.roles.${s.role ?? 'none'}`) });
    });
  const conflictsNote = (n: number) => (n > 0 ? ` ${t('team.conflictsFound', { count: n })}` : '');
  const doPush = () =>
    act(async () => {
      const r = await push.mutateAsync({});
      if (r.conflicts.length > 0) setConflictsOpen(true);
      return t('team.pushed', { records: r.pushed, deletions: r.deleted, features: r.features }) + conflictsNote(r.conflicts.length);
    });
  const doPull = () =>
    act(async () => {
      const r = await pull.mutateAsync({});
      if (r.conflicts.length > 0) setConflictsOpen(true);
      const skipped = r.skipped.length > 0 ? ` ${t('team.skipped', { count: r.skipped.length, first: r.skipped[0]?.problem ?? '' })}` : '';
      return (
        t('team.pulled', { records: r.applied, removed: r.removed, features: r.features }) + conflictsNote(r.conflicts.length) + skipped
      );
    });
  const doSync = () =>
    act(async () => {
      const r = await sync.mutateAsync({});
      const conflicts = r.pull.conflicts.length + (r.push?.conflicts.length ?? 0);
      if (conflicts > 0) setConflictsOpen(true);
      return (
        t('team.pulled', { records: r.pull.applied, removed: r.pull.removed, features: r.pull.features }) +
        (r.push ? ` ${t('team.pushed', { records: r.push.pushed, deletions: r.push.deleted, features: r.push.features })}` : '') +
        conflictsNote(conflicts)
      );
    });
  const progress = status?.running;

  return (
    <dialog ref={ref} className="team-dialog" aria-labelledby="team-title" onClose={onClose} data-testid="team-dialog">
      <h2 id="team-title">{t('team.title')}</h2>
      <p className="muted">{t('team.intro')}</p>
      <form
        className="team-form"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label>
          <span>{t('team.server')}</span>
          <input
            type="text"
            value={shown.server}
            placeholder="postgresql://team.example.cn:5432/zhaoshang"
            onChange={(e) => set({ server: e.currentTarget.value })}
            spellCheck={false}
            data-testid="team-server"
          />
        </label>
        <label>
          <span>{t('team.user')}</span>
          <input type="text" value={shown.user} onChange={(e) => set({ user: e.currentTarget.value })} data-testid="team-user" />
        </label>
        <label>
          <span>{t('team.sslmode')}</span>
          <select value={shown.sslmode} onChange={(e) => set({ sslmode: e.currentTarget.value as SslMode })} data-testid="team-sslmode">
            {SSL_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`team.ssl.${m}`)}
              </option>
            ))}
          </select>
        </label>
        {shown.sslmode !== 'disable' && (
          <label>
            <span>{t('team.caFile')}</span>
            <input
              type="text"
              value={shown.caFile}
              placeholder="/etc/ssl/certs/team-ca.crt"
              onChange={(e) => set({ caFile: e.currentTarget.value })}
              data-testid="team-ca"
            />
          </label>
        )}
        {status?.canSavePassword ? (
          <label>
            <span>{t('team.password')}</span>
            <input
              type="password"
              value={password}
              autoComplete="off"
              placeholder={status.passwordSource === 'saved' ? t('team.passwordKept') : ''}
              onChange={(e) => setPassword(e.currentTarget.value)}
              data-testid="team-password"
            />
          </label>
        ) : (
          <p className="muted small" data-testid="team-password-note">
            {t('team.passwordFromEnv', { source: t(`team.passwordSource.${status?.passwordSource ?? 'none'}`) })}
          </p>
        )}
        {status?.passwordNote && <p className="warning small">{status.passwordNote}</p>}
        <div className="dialog-actions">
          <button type="submit" disabled={configure.isPending || connect.isPending} data-testid="team-save">
            {t('team.saveConnect')}
          </button>
          <button type="button" onClick={test} disabled={!status?.configured || connect.isPending} data-testid="team-test">
            {t('team.test')}
          </button>
        </div>
      </form>
      {status && <StatusList status={status} />}
      {status?.error && (
        <p role="alert" className="warning" data-testid="team-error">
          {status.error.message}
        </p>
      )}
      <div className="team-actions">
        <button type="button" onClick={doPull} disabled={!status?.configured || running} data-testid="team-pull">
          {t('team.pull')}
        </button>
        <button type="button" onClick={doPush} disabled={!status?.configured || running} data-testid="team-push">
          {t('team.push')}
        </button>
        <button type="button" onClick={doSync} disabled={!status?.configured || running} data-testid="team-sync">
          {t('team.sync')}
        </button>
        {(status?.conflicts ?? 0) > 0 && (
          <button type="button" className="danger" onClick={() => setConflictsOpen(true)} data-testid="team-conflicts-open">
            {t('team.resolveConflicts', { count: status?.conflicts ?? 0 })}
          </button>
        )}
      </div>
      {running && (
        <div className="team-progress" data-testid="team-progress">
          <progress value={progress && progress.total > 0 ? progress.done : undefined} max={progress?.total || undefined} />
          <span className="small muted">
            {progress ? t(`team.phase.${progress.phase}`, { done: progress.done, total: progress.total }) : t('team.connecting')}
          </span>
        </div>
      )}
      {message && (
        <p className={message.error ? 'warning' : 'muted'} role={message.error ? 'alert' : 'status'} data-testid="team-message">
          {message.text}
        </p>
      )}
      {status?.connected && (
        <section className="team-log" aria-labelledby="team-log-title">
          <h3 id="team-log-title">{t('team.log')}</h3>
          <ol data-testid="team-log">
            {(log.data ?? []).map((e) => (
              <li key={e.id}>
                <span className="muted small">{new Date(e.at).toLocaleString(locale(i18n.language))}</span> <strong>{e.actor}</strong>{' '}
                {t(`team.actions.${e.action}`, { defaultValue: e.action })}
                {e.kind && ` · ${t(`team.kinds.${e.kind}`, { defaultValue: e.kind })}`}
                {e.version !== null && ` v${e.version}`}
                {e.action === 'resolve' && typeof (e.detail as { choice?: unknown })?.choice === 'string' && (
                  <> · {t(`team.choice.${(e.detail as { choice: string }).choice}`)}</>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      <form method="dialog">
        <button type="submit">{t('team.close')}</button>
      </form>
      <ConflictDialog open={conflictsOpen} onClose={() => setConflictsOpen(false)} />
    </dialog>
  );
}
