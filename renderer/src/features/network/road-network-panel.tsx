/**
 * Side-panel section: which road network every travel time uses (the schematic one shipped with
 * the app, or an OpenStreetMap extract the user imported), importing an extract with a progress
 * bar, time left and cancel, and the OpenStreetMap licence notice while that network is active.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCancelRoadImport, useRoadImport, useUseNetwork, type RoadImportProgress } from '../../api/mutations.ts';
import { useRoadNetwork } from '../../api/queries.ts';
import { UploadCancelled } from '../../api/uploads.ts';

const EXTRACT_TYPES = '.pbf,.osm,.gz,.bz2';

export function RoadNetworkPanel() {
  const { t, i18n } = useTranslation();
  const info = useRoadNetwork();
  const use = useUseNetwork();
  const importing = useRoadImport();
  const cancelImport = useCancelRoadImport();
  const input = useRef<HTMLInputElement>(null);
  const cancelled = useRef(false);
  const [progress, setProgress] = useState<RoadImportProgress | null>(null);
  const [clip, setClip] = useState<'zone' | 'whole'>('zone');
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const osm = info.data?.osm ?? null;
  const active = info.data?.active ?? 'schematic';
  const running = importing.isPending;
  const number = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en' : 'zh-CN');

  const start = (file: File) => {
    cancelled.current = false;
    setMessage(null);
    importing.mutate(
      { file, clip: { mode: clip }, onProgress: setProgress, cancelled: () => cancelled.current },
      {
        onSuccess: (status) => {
          setProgress(null);
          if (status.status === 'done')
            setMessage({ kind: 'done', text: t('roads.imported', { file: file.name, nodes: number(status.info?.nodes ?? 0) }) });
          else
            setMessage({
              kind: status.status === 'cancelled' ? 'done' : 'error',
              text: status.status === 'cancelled' ? t('roads.cancelled') : t('roads.failed', { message: status.error ?? '' }),
            });
        },
        onError: (e) => {
          setProgress(null);
          setMessage(
            e instanceof UploadCancelled
              ? { kind: 'done', text: t('roads.cancelled') }
              : { kind: 'error', text: t('roads.failed', { message: e.message }) },
          );
        },
      },
    );
  };
  const cancel = () => {
    cancelled.current = true;
    if (progress?.jobId) cancelImport.mutate({ jobId: progress.jobId });
  };

  return (
    <section className="panel-section" aria-labelledby="roads-heading" data-testid="road-network">
      <h2 id="roads-heading">{t('roads.heading')}</h2>
      <fieldset className="network-choice" disabled={running || use.isPending}>
        <legend className="small muted">{t('roads.active')}</legend>
        <label>
          <input
            type="radio"
            name="network"
            checked={active === 'schematic'}
            onChange={() => use.mutate({ network: 'schematic' })}
            data-testid="network-schematic"
          />
          {t('roads.schematic')}
        </label>
        <label>
          <input
            type="radio"
            name="network"
            checked={active === 'osm'}
            disabled={!osm}
            onChange={() => use.mutate({ network: 'osm' })}
            data-testid="network-osm"
          />
          {osm ? t('roads.osmNamed', { file: osm.source }) : t('roads.osmNone')}
        </label>
      </fieldset>
      {osm && (
        <p className="small" data-testid="road-network-facts">
          {t('roads.facts', {
            nodes: number(osm.nodes),
            edges: number(osm.edges),
            km: number(Math.round(Object.values(osm.km_by_class).reduce((s, x) => s + x, 0))),
            asOf: osm.as_of ? osm.as_of.slice(0, 10) : t('info.unknown'),
          })}
          {!osm.covers_zone && <span className="warning"> {t('roads.noCoverage')}</span>}
        </p>
      )}
      {active === 'osm' && info.data?.attribution && (
        <p className="attribution small" data-testid="osm-attribution">
          {info.data.attribution}
        </p>
      )}
      <label className="field">
        <span>{t('roads.clip')}</span>
        <select value={clip} onChange={(e) => setClip(e.currentTarget.value as 'zone' | 'whole')} disabled={running}>
          <option value="zone">{t('roads.clipZone')}</option>
          <option value="whole">{t('roads.clipWhole')}</option>
        </select>
      </label>
      <input
        ref={input}
        type="file"
        accept={EXTRACT_TYPES}
        hidden
        data-testid="road-file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) start(file);
        }}
      />
      {running ? (
        <div className="progress-block" role="status" aria-live="polite">
          <progress max={1} value={progress?.fraction ?? 0} aria-label={t('roads.progress')} data-testid="road-progress" />
          <p className="small">
            {t(`roads.phase.${progress?.phase ?? 'upload'}`, { defaultValue: progress?.phase ?? '' })} ·{' '}
            {Math.round((progress?.fraction ?? 0) * 100)} %
            {progress?.etaSeconds != null && ` · ${t('roads.eta', { s: Math.ceil(progress.etaSeconds) })}`}
          </p>
          <button type="button" onClick={cancel} data-testid="road-cancel">
            {t('roads.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => input.current?.click()} data-testid="road-import">
          {t('roads.import')}
        </button>
      )}
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'error small' : 'small'}
          data-testid="road-message"
        >
          {message.text}
        </p>
      )}
      <p className="muted small">{t('roads.hint')}</p>
    </section>
  );
}
