/**
 * Travel times from a clicked point: nearest facility of each class (with the facilities on the
 * way), the markets, population within reach, and isochrones on demand.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CardHeader } from '../../components/card-header.tsx';
import { NetworkLabelLine } from '../../components/network-label.tsx';
import type { Reached } from '../../../../electron/contract/api.ts';
import { cssColour } from './colour-ramp.ts';
import { ISOCHRONE_MINUTES, type AccessPoint } from './use-access-point.ts';
import { localName } from '../../../../geo/local-name.ts';

/** Classes shown, in order: what a relocating manufacturer asks first. */
const CLASSES = [
  'interchange',
  'freight',
  'international-rail',
  'airport',
  'airport-cargo',
  'bonded-zone',
  'port',
  'logistics-hub',
  'hsr-station',
  'user-facility',
] as const;

/** People in the unit each language counts in: 万 (10,000) in Chinese, millions in English. */
export function formatPeople(persons: number, t: TFunction, language: string): string {
  return t('access.people', { value: language === 'en' ? (persons / 1e6).toFixed(2) : (persons / 1e4).toFixed(1) });
}

export function formatMinutes(minutes: number, t: TFunction): string {
  const m = Math.round(minutes);
  return m < 60 ? t('access.min', { m }) : t('access.hmin', { h: Math.floor(m / 60), m: m % 60 });
}

function Row({ label, reached, testId }: { label: string; reached: Reached | null | undefined; testId: string }) {
  const { t, i18n } = useTranslation();
  const name = (n: { name_zh: string; name_en: string }) => localName(n, i18n.language);
  return (
    <div className="row" data-testid={testId} data-minutes={reached ? reached.minutes.toFixed(1) : ''}>
      <dt>{label}</dt>
      <dd>
        {reached ? (
          <>
            <strong>{reached.approximate ? `≈ ${formatMinutes(reached.minutes, t)}` : formatMinutes(reached.minutes, t)}</strong> ·{' '}
            {name(reached)}
            {reached.approximate && <span className="muted small"> {t('access.standIn')}</span>}
            {reached.via.length > 0 && (
              <span className="via">
                {t('access.via')} {reached.via.map(name).join(' → ')}
              </span>
            )}
          </>
        ) : (
          <span className="unknown">{t('access.noneKnown')}</span>
        )}
      </dd>
    </div>
  );
}

export function AccessCard({
  point,
  markets,
  onIsochrones,
  onClose,
}: {
  point: AccessPoint;
  markets: { id: string; name_zh: string; name_en: string }[];
  onIsochrones(): void;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section className="info-card access-card" aria-labelledby="access-title" data-testid="access-card">
      <CardHeader id="access-title" title={t('access.title')} closeLabel={t('info.close')} onClose={onClose} />
      <p className="muted">{t('access.from', { lng: point.from[0].toFixed(4), lat: point.from[1].toFixed(4) })}</p>
      {point.loading && <p role="status">{t('app.loading')}</p>}
      {point.error && (
        <p role="alert" className="load-error">
          {point.error}
        </p>
      )}
      {point.times && (
        <>
          <NetworkLabelLine label={point.times.network} testId="access-network" />
          <h3>{t('access.facilities')}</h3>
          <dl>
            {CLASSES.map((c) => (
              <Row key={c} label={t(`classes.${c}`)} reached={point.times?.facilities[c]} testId={`access-${c}`} />
            ))}
          </dl>
          <h3>{t('access.markets')}</h3>
          <dl>
            {markets.map((m) => (
              <Row key={m.id} label={localName(m, i18n.language)} reached={point.times?.markets[m.id]} testId={`access-market-${m.id}`} />
            ))}
          </dl>
        </>
      )}
      {point.times && !point.catchment && point.loading && (
        <>
          <h3>{t('access.catchment')}</h3>
          <p className="muted small" aria-busy="true" data-testid="access-catchment-pending">
            {t('access.catchmentPending')}
          </p>
        </>
      )}
      {point.catchment && (
        <>
          <h3>{t('access.catchment')}</h3>
          <dl data-testid="access-catchment">
            {point.catchment.map((c) => (
              <div className="row" key={c.minutes}>
                <dt>{t('access.within', { m: c.minutes })}</dt>
                <dd>
                  {formatPeople(c.population, t, i18n.language)}
                  {c.unknownCounties.length > 0 && (
                    <span className="via">{t('access.lowerBound', { list: c.unknownCounties.join(t('app.listSeparator')) })}</span>
                  )}
                </dd>
              </div>
            ))}
          </dl>
          <p className="muted small">{t('access.catchmentMethod')}</p>
        </>
      )}
      <div className="card-actions">
        <button type="button" onClick={onIsochrones} disabled={point.loading} data-testid="draw-isochrones">
          {t('access.drawIsochrones')}
        </button>
      </div>
      {point.isochrones && (
        <>
          <ul className="legend horizontal" aria-label={t('access.isochroneLegend')}>
            {ISOCHRONE_MINUTES.map((m) => (
              <li key={m}>
                <span className="swatch" style={{ background: cssColour(m) }} aria-hidden="true" />
                {t('access.within', { m })}
              </li>
            ))}
          </ul>
          <NetworkLabelLine label={point.isochrones.network} testId="isochrone-network" />
        </>
      )}
    </section>
  );
}
