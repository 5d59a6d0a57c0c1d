/**
 * Side-panel section: the review list of proposed OpenStreetMap matches (osmMatches) — a catalogue
 * park and a named landuse=industrial area, a station and an OSM station — with the name score,
 * the combined score and the distance, to accept or reject one by one, and undo. An accepted
 * match is a position correction citing the OSM element, with the ODbL credit. Every action is
 * a button, so the list is worked with Tab and Enter.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { OsmMatch } from '../../../../electron/contract/api.ts';
import { localName } from '../../../../geo/local-name.ts';
import { useDecideOsmMatch } from '../../api/mutations.ts';
import { useOsmMatches, useRoadNetwork } from '../../api/queries.ts';

/** "850 m" or "3.2 km". */
export function distanceText(m: number | null, language: string): string {
  if (m === null) return '—';
  const n = (v: number, d: number) => v.toLocaleString(language === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: d });
  return Math.round(m) < 1000 ? `${n(Math.round(m), 0)} m` : `${n(m / 1000, 1)} km`;
}

function MatchItem({
  m,
  credit,
  busy,
  onDecide,
}: {
  m: OsmMatch;
  credit: string | null;
  busy: boolean;
  onDecide(d: 'accept' | 'reject' | 'undo'): void;
}) {
  const { t, i18n } = useTranslation();
  const name = localName(m.feature, i18n.language);
  const osmName = (i18n.language === 'en' ? (m.osm.name_en ?? m.osm.name) : m.osm.name) ?? t('osmMatches.unnamed');
  const osmRef = `${m.osm.type}/${m.osm.id}`;
  return (
    <li className={`osm-match ${m.status}`} data-testid="osm-match" data-id={m.id} data-status={m.status}>
      <p className="osm-match-names">
        <span className="tag">{t(`osmMatches.kind.${m.kind}`)}</span> <strong>{name}</strong>
        <span aria-hidden="true"> ↔ </span>
        <span className="sr-only">{t('osmMatches.matchedWith')}</span>
        <strong>{osmName}</strong> <span className="muted small">OSM {osmRef}</span>
      </p>
      <p className="small osm-match-figures">
        {m.score !== null && <span data-testid="osm-match-score">{t('osmMatches.score', { score: Math.round(m.score * 100) })}</span>}
        {m.name_score !== null && <span>{t('osmMatches.nameScore', { score: Math.round(m.name_score * 100) })}</span>}
        <span data-testid="osm-match-distance">{t('osmMatches.distance', { distance: distanceText(m.distance_m, i18n.language) })}</span>
        {m.feature.precision !== 'exact' && <span className="tag approx">{t('osmMatches.approximate')}</span>}
      </p>
      {m.status === 'accepted' && (
        <p className="small" data-testid="osm-match-correction">
          {t('osmMatches.accepted', { ref: osmRef, url: m.osm.url })}
          {credit && <span className="osm-credit"> {credit}</span>}
        </p>
      )}
      {m.status === 'rejected' && <p className="small muted">{t('osmMatches.rejected')}</p>}
      <div className="osm-match-actions">
        {m.status === 'pending' ? (
          <>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => onDecide('accept')}
              aria-label={t('osmMatches.acceptLabel', { name, osm: osmName })}
              data-testid="osm-match-accept"
            >
              {t('osmMatches.accept')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => onDecide('reject')}
              aria-label={t('osmMatches.rejectLabel', { name, osm: osmName })}
              data-testid="osm-match-reject"
            >
              {t('osmMatches.reject')}
            </button>
          </>
        ) : (
          <button
            type="button"
            disabled={busy}
            onClick={() => onDecide('undo')}
            aria-label={t('osmMatches.undoLabel', { name, osm: osmName })}
            data-testid="osm-match-undo"
          >
            {t('osmMatches.undo')}
          </button>
        )}
      </div>
    </li>
  );
}

export function OsmMatchList() {
  const { t } = useTranslation();
  const roads = useRoadNetwork();
  const matches = useOsmMatches();
  const decide = useDecideOsmMatch();
  // A new extract brings new proposals: the list is asked again when the imported extract changes.
  const extract = roads.data?.osm ? `${roads.data.osm.source} ${roads.data.osm.imported_at}` : null;
  const { refetch } = matches;
  useEffect(() => {
    void refetch();
  }, [extract, refetch]);
  const data = matches.data;
  const pending = data?.matches.filter((m) => m.status === 'pending') ?? [];
  const decided = data?.matches.filter((m) => m.status !== 'pending') ?? [];
  const onDecide = (m: OsmMatch, decision: 'accept' | 'reject' | 'undo') => decide.mutate({ id: m.id, decision });
  const item = (m: OsmMatch) => (
    <MatchItem
      key={`${m.id} ${m.status}`}
      m={m}
      credit={data?.attribution ?? null}
      busy={decide.isPending}
      onDecide={(d) => onDecide(m, d)}
    />
  );
  return (
    <section className="panel-section osm-matches" aria-labelledby="osm-matches-heading" data-testid="osm-matches">
      <h2 id="osm-matches-heading">{t('osmMatches.heading')}</h2>
      {!data ? (
        <p className="muted small">{matches.error ? t('osmMatches.failed', { message: matches.error.message }) : t('app.loading')}</p>
      ) : !data.available ? (
        <p className="muted small" data-testid="osm-matches-none">
          {t('osmMatches.noExtract')}
        </p>
      ) : (
        <>
          <p className="small" data-testid="osm-matches-summary">
            {t('osmMatches.summary', {
              pending: pending.length,
              industrial: data.candidates.industrial,
              stations: data.candidates.station,
              file: data.source ?? '',
            })}
          </p>
          {decide.error && (
            <p role="alert" className="load-error small">
              {t('osmMatches.failed', { message: decide.error.message })}
            </p>
          )}
          {pending.length === 0 && <p className="muted small">{t('osmMatches.nonePending')}</p>}
          <ul className="osm-match-list" aria-label={t('osmMatches.pendingList')}>
            {pending.map(item)}
          </ul>
          {decided.length > 0 && (
            <>
              <h3>{t('osmMatches.decided')}</h3>
              <ul className="osm-match-list" aria-label={t('osmMatches.decided')}>
                {decided.map(item)}
              </ul>
            </>
          )}
          {data.attribution && <p className="muted small">{t('osmMatches.credit', { credit: data.attribution })}</p>}
        </>
      )}
    </section>
  );
}
