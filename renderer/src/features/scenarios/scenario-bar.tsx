/**
 * Saved scenarios: save what is on screen under a name with notes, reopen, duplicate, rename,
 * delete, and put two scenarios' rankings side by side. Also the project file (save to one file,
 * open a colleague's) and the reports (Excel, PDF).
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../../electron/contract/api.ts';
import { localName } from '../../../../geo/local-name.ts';
import {
  useCompareScenarios,
  useDeleteScenario,
  useDuplicateScenario,
  useExportProject,
  useExportReport,
  useImportProject,
  useOpenScenario,
  useRenameScenario,
  useSaveScenario,
} from '../../api/mutations.ts';
import { useCustomCriteria, useScenarios } from '../../api/queries.ts';
import { saveBase64 } from '../../components/save-file.ts';
import { reportLabels } from '../reports/labels.ts';
import { selectPayload } from '../scoring/scoring-state.ts';
import type { Scoring } from '../scoring/use-scoring.ts';

type ScenarioDiff = ResultOf<'compareScenarios'>;

export function ScenarioBar({ scoring, onReport }: { scoring: Scoring; onReport(): void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const list = useScenarios().data ?? [];
  const custom = useCustomCriteria().data;
  // Each write refreshes the scenario list (and the layers and sites it changes) itself: api/keys.ts.
  const saveScenario = useSaveScenario().mutateAsync;
  const openScenario = useOpenScenario().mutateAsync;
  const duplicateScenario = useDuplicateScenario().mutateAsync;
  const renameScenario = useRenameScenario().mutateAsync;
  const deleteScenario = useDeleteScenario().mutateAsync;
  const compareScenarios = useCompareScenarios().mutateAsync;
  const exportReport = useExportReport().mutateAsync;
  const exportProject = useExportProject().mutateAsync;
  const importProject = useImportProject().mutateAsync;
  const payload = selectPayload(scoring.state);
  const [name, setName] = useState('');
  const [notes, setNotes] = useState('');
  const [chosen, setChosen] = useState('');
  const [other, setOther] = useState('');
  const [diff, setDiff] = useState<ScenarioDiff | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const projectInput = useRef<HTMLInputElement>(null);

  /** Runs an action, showing its failure (or a success note) instead of throwing. */
  const act = async (fn: () => Promise<string | void>) => {
    setMessage(null);
    setBusy(true);
    try {
      const ok = await fn();
      if (ok) setMessage({ kind: 'ok', text: ok });
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const current = list.find((s) => s.id === chosen) ?? null;

  const save = () =>
    act(async () => {
      if (!payload) return;
      const s = await saveScenario({
        ...(current && current.name === name.trim() ? { id: current.id } : {}),
        name,
        notes,
        payload,
      });
      setChosen(s.id);
      return t('scenarios.saved', { name: s.name });
    });
  const open = () =>
    act(async () => {
      const s = await openScenario({ id: chosen });
      scoring.openScenario(s);
      setName(s.name);
      setNotes(s.notes);
    });
  const duplicate = () =>
    act(async () => {
      const s = await duplicateScenario({ id: chosen });
      setChosen(s.id);
      setName(s.name);
    });
  const rename = () =>
    act(async () => {
      await renameScenario({ id: chosen, name, notes });
    });
  const remove = () =>
    act(async () => {
      if (!confirmDelete) {
        setConfirmDelete(true);
        return;
      }
      setConfirmDelete(false);
      await deleteScenario({ id: chosen });
      setChosen('');
      setDiff(null);
    });
  const compare = () => act(async () => setDiff(await compareScenarios({ a: chosen, b: other })));
  const excel = () =>
    act(async () => {
      if (!payload) return;
      const file = await exportReport({
        payload,
        language: en ? 'en' : 'zh',
        labels: reportLabels(t, custom ?? [], i18n.language),
        fileName: (name.trim() || t('reports.defaultName')).replace(/[/\\:*?"<>|]/g, '_').slice(0, 80),
      });
      saveBase64(file.fileName, file.mime, file.dataBase64);
    });
  const saveProject = () =>
    act(async () => {
      const file = await exportProject({});
      saveBase64(file.fileName, file.mime, file.dataBase64);
    });
  const openProject = (f: File) =>
    act(async () => {
      const counts = await importProject(f);
      return t('scenarios.projectOpened', counts);
    });

  return (
    <section className="scenario-bar" aria-labelledby="scenario-title" data-testid="scenario-bar">
      <h3 id="scenario-title">{t('scenarios.title')}</h3>
      <div className="two-col">
        <label className="field">
          <span>{t('scenarios.name')}</span>
          <input type="text" value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="scenario-name" />
        </label>
        <label className="field">
          <span>{t('scenarios.notes')}</span>
          <input type="text" value={notes} onChange={(e) => setNotes(e.currentTarget.value)} data-testid="scenario-notes" />
        </label>
      </div>
      <div className="button-row">
        <button
          type="button"
          onClick={() => void save()}
          disabled={busy || name.trim() === '' || !scoring.state.profile}
          data-testid="scenario-save"
        >
          {t('scenarios.save')}
        </button>
      </div>
      <label className="field">
        <span>{t('scenarios.saved_list', { n: list.length })}</span>
        <select value={chosen} onChange={(e) => (setChosen(e.currentTarget.value), setConfirmDelete(false))} data-testid="scenario-list">
          <option value="">{t('scenarios.choose')}</option>
          {list.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
              {s.notes ? ` · ${s.notes}` : ''}
            </option>
          ))}
        </select>
      </label>
      <div className="button-row">
        <button type="button" onClick={() => void open()} disabled={busy || !chosen} data-testid="scenario-open">
          {t('scenarios.open')}
        </button>
        <button type="button" onClick={() => void duplicate()} disabled={busy || !chosen} data-testid="scenario-duplicate">
          {t('scenarios.duplicate')}
        </button>
        <button type="button" onClick={() => void rename()} disabled={busy || !chosen || name.trim() === ''} data-testid="scenario-rename">
          {t('scenarios.rename')}
        </button>
        <button type="button" onClick={() => void remove()} disabled={busy || !chosen} data-testid="scenario-delete">
          {confirmDelete ? t('imports.confirmDelete') : t('imports.delete')}
        </button>
      </div>
      <div className="two-col">
        <label className="field">
          <span>{t('scenarios.compareWith')}</span>
          <select value={other} onChange={(e) => setOther(e.currentTarget.value)} data-testid="scenario-other">
            <option value="">{t('scenarios.choose')}</option>
            {list
              .filter((s) => s.id !== chosen)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
          </select>
        </label>
        <div className="button-row end">
          <button type="button" onClick={() => void compare()} disabled={busy || !chosen || !other} data-testid="scenario-compare">
            {t('scenarios.compare')}
          </button>
        </div>
      </div>
      {diff && (
        <table className="criteria-table" data-testid="scenario-diff">
          <thead>
            <tr>
              <th scope="col">{t('scoring.site')}</th>
              <th scope="col">{diff.a.name}</th>
              <th scope="col">{diff.b.name}</th>
              <th scope="col">{t('scenarios.change')}</th>
            </tr>
          </thead>
          <tbody>
            {diff.rows.slice(0, 15).map((r) => (
              <tr key={r.id} data-candidate={r.id}>
                <td>{localName(r, i18n.language)}</td>
                <td className="num">{r.a.rank ?? '—'}</td>
                <td className="num">{r.b.rank ?? '—'}</td>
                <td className="num">
                  {r.a.rank !== null && r.b.rank !== null
                    ? r.a.rank === r.b.rank
                      ? '='
                      : r.b.rank < r.a.rank
                        ? `↑${r.a.rank - r.b.rank}`
                        : `↓${r.b.rank - r.a.rank}`
                    : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('reports.title')}</h3>
      <div className="button-row">
        <button type="button" onClick={onReport} disabled={!scoring.state.result} data-testid="report-pdf">
          {t('reports.pdf')}
        </button>
        <button type="button" onClick={() => void excel()} disabled={busy || !scoring.state.profile} data-testid="report-xlsx">
          {t('reports.xlsx')}
        </button>
      </div>
      <div className="button-row">
        <button type="button" onClick={() => void saveProject()} disabled={busy} data-testid="project-save">
          {t('scenarios.saveProject')}
        </button>
        <button type="button" onClick={() => projectInput.current?.click()} disabled={busy} data-testid="project-open">
          {t('scenarios.openProject')}
        </button>
        <input
          ref={projectInput}
          type="file"
          accept=".xnsite"
          hidden
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (f) void openProject(f);
          }}
          data-testid="project-file"
        />
      </div>
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'load-error small' : 'muted small'}
          data-testid="scenario-message"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
