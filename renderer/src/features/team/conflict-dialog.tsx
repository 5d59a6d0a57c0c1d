/**
 * A record changed both here and on the team server: both versions side by side, field by field
 * (the fields that differ marked), and the user keeps one. Nothing is chosen for them; the choice
 * is written to the team log with the next push.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamConflict } from '../../../../electron/contract/api.ts';
import { useTeamPush, useTeamResolve } from '../../api/mutations.ts';
import { useTeamConflicts } from '../../api/queries.ts';
import { useModal } from '../../components/use-modal.ts';

/** Team columns and timestamps are shown above the table, not as fields. */
const HIDDEN = new Set(['created_at']);

const show = (v: unknown): string => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v, null, 1));

function Side({ label, side, local }: { label: string; side: TeamConflict['mine']; local: boolean }) {
  const { t, i18n } = useTranslation();
  const what = side.deleted
    ? t('team.deletedThere')
    : local
      ? t('team.localEdit', { version: side.version })
      : t('team.versionBy', { version: side.version, author: side.author ?? '' });
  return (
    <th scope="col">
      <div>{label}</div>
      <div className="small muted">
        {what}
        {side.updatedAt && ` · ${new Date(side.updatedAt).toLocaleString(i18n.language === 'zh' ? 'zh-CN' : 'en-GB')}`}
      </div>
    </th>
  );
}

export function ConflictDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const ref = useModal(open);
  const conflicts = useTeamConflicts(open).data ?? [];
  const resolve = useTeamResolve();
  const push = useTeamPush();
  const [index, setIndex] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [allFields, setAllFields] = useState(false);
  const current = conflicts[Math.min(index, conflicts.length - 1)];

  const choose = (choice: 'mine' | 'theirs') => {
    if (!current) return;
    setError(null);
    void resolve
      .mutateAsync({ kind: current.kind, id: current.id, choice })
      // With the last one chosen, the push sends the result and the choices to the log.
      .then(() => (conflicts.length === 1 ? push.mutateAsync({}).then(onClose) : setIndex(0)))
      .catch((e: unknown) => setError((e as Error).message));
  };

  const mine = (current?.mine.record ?? {}) as Record<string, unknown>;
  const theirs = (current?.theirs.record ?? {}) as Record<string, unknown>;
  const every = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].filter((f) => !HIDDEN.has(f));
  // What differs, first; the fields both share are one click away (a scenario's payload is long).
  const differs = (f: string) => show(mine[f]) !== show(theirs[f]);
  const fields = allFields ? every : every.filter((f) => differs(f) || f === 'id' || f === 'park_id');

  return (
    <dialog
      ref={ref}
      className="conflict-dialog"
      aria-labelledby="conflict-title"
      // Rendered inside the team dialog: React would pass the close on to it, closing both.
      onClose={(e) => {
        e.stopPropagation();
        onClose();
      }}
      data-testid="conflict-dialog"
    >
      <h2 id="conflict-title">{t('team.conflictTitle', { count: conflicts.length })}</h2>
      {conflicts.length > 1 && (
        <ol className="conflict-list">
          {conflicts.map((c, i) => (
            <li key={`${c.kind}/${c.id}`}>
              <button type="button" aria-pressed={c === current} onClick={() => setIndex(i)}>
                {t(`team.kinds.${c.kind}`)} · {c.name}
              </button>
            </li>
          ))}
        </ol>
      )}
      {current ? (
        <>
          <p>
            {t('team.conflictExplain', { kind: t(`team.kinds.${current.kind}`), name: current.name, author: current.theirs.author ?? '' })}
          </p>
          <table className="conflict-table" data-testid="conflict-table">
            <thead>
              <tr>
                <th scope="col">{t('team.field')}</th>
                <Side label={t('team.mine')} side={current.mine} local />
                <Side label={t('team.theirs')} side={current.theirs} local={false} />
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => {
                const a = show(mine[f]);
                const b = show(theirs[f]);
                return (
                  <tr key={f} className={differs(f) ? 'differs' : undefined} data-field={f}>
                    <th scope="row" title={f}>
                      {t(`team.fields.${f}`, { defaultValue: f })}
                    </th>
                    <td data-side="mine">{current.mine.deleted ? '—' : a}</td>
                    <td data-side="theirs">{current.theirs.deleted ? '—' : b}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <label className="small">
            <input type="checkbox" checked={allFields} onChange={(e) => setAllFields(e.currentTarget.checked)} />{' '}
            {t('team.allFields', { count: every.length - fields.length })}
          </label>
          <div className="dialog-actions">
            <button type="button" onClick={() => choose('mine')} disabled={resolve.isPending} data-testid="conflict-mine">
              {current.mine.deleted ? t('team.keepDeleted') : t('team.keepMine')}
            </button>
            <button type="button" onClick={() => choose('theirs')} disabled={resolve.isPending} data-testid="conflict-theirs">
              {current.theirs.deleted ? t('team.takeDeletion') : t('team.takeTheirs')}
            </button>
          </div>
        </>
      ) : (
        <p className="muted">{t('team.noConflicts')}</p>
      )}
      {error && (
        <p role="alert" className="warning">
          {error}
        </p>
      )}
      <form method="dialog">
        <button type="submit">{t('team.later')}</button>
      </form>
    </dialog>
  );
}
