/**
 * A park manager corrects a park's position from its info card: by typing coordinates in WGS-84,
 * GCJ-02 (AMap, Tencent) or BD-09 (Baidu), or by dragging a marker on the map; with a note. The
 * correction is kept in the project, used for every time and score, and can be undone.
 */
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResetParkPosition, useSetParkPosition } from '../../api/mutations.ts';

type Crs = 'wgs84' | 'gcj02' | 'bd09';

interface Correction {
  source: string;
  date: string;
  note: string;
  given: { crs: Crs; lng: number; lat: number };
}

export function ParkCorrection({
  parkId,
  properties,
  position,
  map,
}: {
  parkId: string;
  properties: Record<string, unknown>;
  position: [number, number] | null;
  map: MapLibreMap | null;
}) {
  const { t } = useTranslation();
  const setPosition = useSetParkPosition();
  const reset = useResetParkPosition();
  const [editing, setEditing] = useState(false);
  const [lng, setLng] = useState(position ? position[0].toFixed(6) : '');
  const [lat, setLat] = useState(position ? position[1].toFixed(6) : '');
  const [crs, setCrs] = useState<Crs>('wgs84');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const marker = useRef<Marker | null>(null);
  const correction = (properties['correction'] ?? null) as Correction | null;

  // The drag marker lives only while the form is open.
  useEffect(() => () => void marker.current?.remove(), []);
  const drag = () => {
    if (!map) return;
    marker.current?.remove();
    const at: [number, number] = position ?? [map.getCenter().lng, map.getCenter().lat];
    const m = new Marker({ draggable: true, color: '#c92a2a' }).setLngLat(at).addTo(map);
    m.on('dragend', () => {
      const p = m.getLngLat();
      // A position on the map is WGS-84, as everything the map draws.
      setCrs('wgs84');
      setLng(p.lng.toFixed(6));
      setLat(p.lat.toFixed(6));
    });
    marker.current = m;
  };
  const close = () => {
    marker.current?.remove();
    marker.current = null;
    setEditing(false);
    setError(null);
  };
  const save = () => {
    const position: [number, number] = [Number(lng), Number(lat)];
    setError(null);
    setPosition.mutate({ park: parkId, position, crs, note }, { onSuccess: close, onError: (e) => setError(e.message) });
  };

  return (
    <div className="park-correction" data-testid="park-correction">
      {correction ? (
        <p className="small" data-testid="correction-status">
          {t('correction.corrected', {
            date: correction.date,
            source: t(`correction.source.${correction.source}`, { defaultValue: correction.source }),
          })}
          {correction.note && <> · {correction.note}</>}
        </p>
      ) : properties['precision'] === 'approximate' ? (
        <p className="small note">{t('correction.approximate')}</p>
      ) : null}
      {editing ? (
        <div className="correction-form">
          <div className="field-row">
            <label className="field">
              <span>{t('correction.lng')}</span>
              <input inputMode="decimal" value={lng} onChange={(e) => setLng(e.currentTarget.value)} data-testid="correction-lng" />
            </label>
            <label className="field">
              <span>{t('correction.lat')}</span>
              <input inputMode="decimal" value={lat} onChange={(e) => setLat(e.currentTarget.value)} data-testid="correction-lat" />
            </label>
          </div>
          <label className="field">
            <span>{t('correction.crs')}</span>
            <select value={crs} onChange={(e) => setCrs(e.currentTarget.value as Crs)} data-testid="correction-crs">
              {(['wgs84', 'gcj02', 'bd09'] as const).map((c) => (
                <option key={c} value={c}>
                  {t(`correction.crsName.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('correction.note')}</span>
            <input value={note} maxLength={500} onChange={(e) => setNote(e.currentTarget.value)} data-testid="correction-note" />
          </label>
          <div className="actions">
            <button type="button" onClick={drag} disabled={!map}>
              {t('correction.drag')}
            </button>
            <button type="button" className="primary" onClick={save} disabled={setPosition.isPending} data-testid="correction-save">
              {t('correction.save')}
            </button>
            <button type="button" onClick={close}>
              {t('correction.cancel')}
            </button>
          </div>
          {error && (
            <p role="alert" className="error small" data-testid="correction-error">
              {error}
            </p>
          )}
        </div>
      ) : (
        <div className="actions">
          <button type="button" onClick={() => setEditing(true)} data-testid="correction-open">
            {t('correction.open')}
          </button>
          {correction && (
            <button type="button" onClick={() => reset.mutate({ park: parkId })} disabled={reset.isPending} data-testid="correction-reset">
              {t('correction.reset')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
