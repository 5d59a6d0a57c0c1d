/**
 * Bring your own data: choose or drop a file → preview (fields, coordinate columns, detected
 * coordinate system with its evidence, problems, the first features on the map) → import with a
 * progress bar and cancel → the layer appears in the layer panel.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreviewResult } from '../../../../electron/contract/api.ts';
import { useCancelImport, useImportJob, usePreviewImport, type ImportProgress } from '../../api/mutations.ts';
import { discardUpload, stageFile, UploadCancelled } from '../../api/uploads.ts';
import { OVERLAY_IDS, useOverlay, type Overlay } from '../../components/map/overlays.ts';
import { useModal } from '../../components/use-modal.ts';

const ACCEPT = '.geojson,.json,.csv,.txt,.xlsx,.kml,.kmz,.gpx,.zip';
type Crs = 'auto' | 'wgs84' | 'gcj02' | 'bd09';
type Role = 'reference' | 'candidates' | 'competitors' | 'facilities';

const PREVIEW_LAYERS: Overlay['layers'] = [
  {
    slot: 'import-preview',
    layer: {
      id: OVERLAY_IDS.importPreviewCircle,
      type: 'circle',
      filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 7, 'circle-color': '#e8590c', 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 },
    },
  },
  {
    slot: 'import-preview',
    layer: {
      id: OVERLAY_IDS.importPreviewLine,
      type: 'line',
      filter: ['!=', ['geometry-type'], 'Point'],
      paint: { 'line-color': '#e8590c', 'line-width': 2.5 },
    },
  },
];

/** The first features of the file being previewed, on the map while the dialog shows them. */
function usePreviewOverlay(map: MapLibreMap | null, sample: PreviewResult['sample'] | null) {
  useOverlay(
    map,
    useMemo(
      (): Overlay | null =>
        sample
          ? {
              id: OVERLAY_IDS.importPreview,
              source: {
                type: 'geojson',
                data: {
                  type: 'FeatureCollection',
                  features: sample.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: {} })),
                } as never,
              },
              layers: PREVIEW_LAYERS,
            }
          : null,
      [sample],
    ),
  );
}

/** Lets the window hand over a file dropped on it. */
export interface ImportDialogHandle {
  load(file: File): void;
}

export function ImportDialog({
  ref,
  open,
  map,
  onClose,
}: {
  ref?: Ref<ImportDialogHandle>;
  open: boolean;
  map: MapLibreMap | null;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const dialog = useModal(open);
  const [chosen, setChosen] = useState<File | null>(null);
  /** The chosen file, staged in the backend (uploads), by id. */
  const [data, setData] = useState<string | null>(null);
  /** Reading the file into the backend: fraction done, and whether the user cancelled. */
  const [staging, setStaging] = useState<number | null>(null);
  const cancelStaging = useRef(false);
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [options, setOptions] = useState<{
    lngColumn?: string;
    latColumn?: string;
    swap: boolean;
    crs: Crs;
    role: Role;
    layerName: string;
  }>({ swap: false, crs: 'auto', role: 'candidates', layerName: '' });
  const [job, setJob] = useState<ImportProgress | null>(null);
  const previewImport = usePreviewImport().mutateAsync;
  const runImport = useImportJob().mutateAsync;
  const cancelImport = useCancelImport().mutateAsync;
  usePreviewOverlay(map, preview?.sample ?? null);

  const runPreview = useCallback(
    async (f: File, uploadId: string, o: typeof options) => {
      setError(null);
      try {
        const p = await previewImport({
          name: f.name,
          uploadId,
          crs: o.crs,
          ...(o.lngColumn ? { lngColumn: o.lngColumn } : {}),
          ...(o.latColumn ? { latColumn: o.latColumn } : {}),
          ...(o.swap ? { swap: true } : {}),
        });
        setPreview(p);
        if (p.sample.length > 0 && map) {
          const first = p.sample[0]?.geometry.coordinates as number[];
          if (typeof first?.[0] === 'number') map.easeTo({ center: [first[0], first[1] as number], zoom: Math.max(map.getZoom(), 8) });
        }
      } catch (e) {
        setPreview(null);
        setError((e as Error).message);
      }
    },
    [map, previewImport],
  );

  const load = useCallback(
    async (f: File) => {
      // Stage first (chunked, with progress and cancel); the dialog changes once the file is in.
      if (data) discardUpload(data);
      setData(null);
      setPreview(null);
      setError(null);
      cancelStaging.current = false;
      setStaging(0);
      let uploadId: string;
      try {
        uploadId = await stageFile(f, setStaging, () => cancelStaging.current);
      } catch (e) {
        setStaging(null);
        setError(e instanceof UploadCancelled ? t('imports.readCancelled') : (e as Error).message);
        return;
      }
      setStaging(null);
      const o = { ...options, lngColumn: undefined, latColumn: undefined, swap: false, layerName: f.name.replace(/\.[^.]+$/, '') };
      setChosen(f);
      setOptions(o);
      setData(uploadId);
      await runPreview(f, uploadId, o);
    },
    [data, options, runPreview, t],
  );

  useImperativeHandle(ref, () => ({ load: (f: File) => void load(f) }), [load]);

  const change = (patch: Partial<typeof options>) => {
    const next = { ...options, ...patch };
    setOptions(next);
    if (chosen && data && ('crs' in patch || 'swap' in patch || 'lngColumn' in patch || 'latColumn' in patch))
      void runPreview(chosen, data, next);
  };

  const close = () => {
    cancelStaging.current = true;
    // A staged file not imported is removed (an import removes its own when it ends).
    if (data && !job) discardUpload(data);
    setPreview(null);
    setChosen(null);
    setData(null);
    setError(null);
    setJob(null);
    onClose();
  };

  const start = async () => {
    if (!chosen || !data) return;
    setError(null);
    try {
      const s = await runImport({
        args: {
          name: chosen.name,
          uploadId: data,
          crs: options.crs,
          role: options.role,
          layerName: options.layerName.trim() || chosen.name,
          ...(options.lngColumn ? { lngColumn: options.lngColumn } : {}),
          ...(options.latColumn ? { latColumn: options.latColumn } : {}),
          ...(options.swap ? { swap: true } : {}),
        },
        onProgress: setJob,
      });
      // The layer list has been refreshed by now (the job invalidates it when done).
      if (s.status === 'done' && s.summary) {
        close();
        return;
      }
      setJob(null);
      setError(s.status === 'cancelled' ? t('imports.cancelled') : (s.error ?? s.status));
    } catch (e) {
      setJob(null);
      setError((e as Error).message);
    }
  };

  const fields = preview?.fields ?? [];
  return (
    <dialog ref={dialog} className="import-dialog" aria-labelledby="import-title" onClose={close} data-testid="import-dialog">
      <h2 id="import-title">{t('imports.title')}</h2>
      <label className="field">
        <span>{t('imports.file')}</span>
        <input
          type="file"
          accept={ACCEPT}
          onChange={(e) => e.currentTarget.files?.[0] && void load(e.currentTarget.files[0])}
          data-testid="import-file"
        />
      </label>
      <p className="muted small">{t('imports.formats')}</p>
      {preview && (
        <section data-testid="import-preview">
          <p>
            {preview.features === null
              ? t('imports.summaryStreamed', {
                  format: preview.format.toUpperCase(),
                  encoding: preview.encoding ?? '—',
                  n: preview.sample.length,
                  size: ((chosen?.size ?? 0) / 1e6).toFixed(0),
                })
              : t('imports.summary', { format: preview.format.toUpperCase(), encoding: preview.encoding ?? '—', n: preview.features })}
          </p>
          {preview.columns && (
            <div className="two-col">
              <label className="field">
                <span>{t('imports.lng')}</span>
                <select value={options.lngColumn ?? preview.columns.lng} onChange={(e) => change({ lngColumn: e.currentTarget.value })}>
                  {fields.map((f) => (
                    <option key={f}>{f}</option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>{t('imports.lat')}</span>
                <select value={options.latColumn ?? preview.columns.lat} onChange={(e) => change({ latColumn: e.currentTarget.value })}>
                  {fields.map((f) => (
                    <option key={f}>{f}</option>
                  ))}
                </select>
              </label>
            </div>
          )}
          <label className="field">
            <span>{t('imports.crs')}</span>
            <select value={options.crs} onChange={(e) => change({ crs: e.currentTarget.value as Crs })} data-testid="import-crs">
              {(['auto', 'wgs84', 'gcj02', 'bd09'] as const).map((c) => (
                <option key={c} value={c}>
                  {t(`imports.crsNames.${c}`, { detected: t(`imports.crsNames.${preview.detection.crs}`) })}
                </option>
              ))}
            </select>
          </label>
          <p className="muted small" data-testid="import-evidence">
            {preview.detection.basis === 'names'
              ? t('imports.evidence', {
                  n: preview.detection.matched.length,
                  list: preview.detection.evidence
                    .map((e) => `${t(`imports.crsShort.${e.crs}`)} ${e.medianMetres === null ? '—' : `${Math.round(e.medianMetres)} m`}`)
                    .join(' · '),
                })
              : t('imports.noEvidence')}
          </p>
          {(preview.swapSuggested || options.swap) && (
            <label className="check flag">
              <input
                type="checkbox"
                checked={options.swap}
                onChange={(e) => change({ swap: e.currentTarget.checked })}
                data-testid="import-swap"
              />
              {t('imports.swap')}
            </label>
          )}
          {preview.problems.length > 0 && (
            <div role="alert" className="flag" data-testid="import-problems">
              <p>{t('imports.problems', { n: preview.problems.length })}</p>
              <ul>
                {preview.problems.slice(0, 8).map((p, i) => (
                  <li key={i}>
                    {p.where}: {p.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="two-col">
            <label className="field">
              <span>{t('imports.name')}</span>
              <input
                type="text"
                value={options.layerName}
                onChange={(e) => change({ layerName: e.currentTarget.value })}
                data-testid="import-name"
              />
            </label>
            <label className="field">
              <span>{t('imports.role')}</span>
              <select value={options.role} onChange={(e) => change({ role: e.currentTarget.value as Role })} data-testid="import-role">
                {(['candidates', 'competitors', 'facilities', 'reference'] as const).map((r) => (
                  <option key={r} value={r}>
                    {t(`imports.roles.${r}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </section>
      )}
      {error && (
        <p role="alert" className="load-error small" data-testid="import-error">
          {error}
        </p>
      )}
      {staging !== null && (
        <div className="staging" data-testid="import-staging">
          <p className="small">{t('imports.reading')}</p>
          <div
            className="progress"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(staging * 100)}
            aria-label={t('imports.reading')}
          >
            <div className="bar" style={{ width: `${Math.round(staging * 100)}%` }} />
          </div>
          <button type="button" onClick={() => (cancelStaging.current = true)} data-testid="import-read-cancel">
            {t('access.cancel')}
          </button>
        </div>
      )}
      {job && (
        <div
          className="progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(job.fraction * 100)}
          aria-label={t('imports.progress')}
        >
          <div className="bar" style={{ width: `${Math.round(job.fraction * 100)}%` }} />
        </div>
      )}
      <div className="dialog-actions">
        {job ? (
          <button type="button" onClick={() => void cancelImport({ jobId: job.id }).catch(() => undefined)} data-testid="import-cancel">
            {t('access.cancel')}
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={!preview || preview.problems.length > 0}
            onClick={() => void start()}
            data-testid="import-start"
          >
            {t('imports.import')}
          </button>
        )}
        <button type="button" onClick={close}>
          {t('about.close')}
        </button>
      </div>
    </dialog>
  );
}
