/**
 * A clicked road or interchange of the imported network: its OSM tags, its class and the class's
 * speed, the speed the network drives it at each way, and its openstreetmap.org address as text
 * (the app makes no request off this machine). Escape or × closes it.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoadFeature } from '../../api/queries.ts';
import { CardHeader } from '../../components/card-header.tsx';
import type { RoadTarget } from './use-road-layer.ts';

export function RoadCard({ target, onClose }: { target: RoadTarget; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const feature = useRoadFeature({ kind: target.kind, id: target.id });
  const card = useRef<HTMLElement>(null);
  // Focus moves to the card so Escape (and Tab to its close button) work at once.
  useEffect(() => card.current?.focus(), [target.kind, target.id]);
  const f = feature.data;
  const highway = f?.tags['highway'];
  const className = highway && i18n.exists(`roads.class.${highway}`) ? t(`roads.class.${highway}`) : (highway ?? '');
  const name = f?.tags['name'] ?? f?.tags['ref'] ?? null;
  const kmh = (v: number | null | undefined) => (v === null || v === undefined ? t('roads.card.notDriven') : t('roads.card.kmh', { v }));
  const title =
    target.kind === 'junction'
      ? t('roads.card.junction', { name: name ?? `node/${target.id}` })
      : t('roads.card.road', { name: name ?? `way/${target.id}` });
  return (
    <section
      ref={card}
      tabIndex={-1}
      className="info-card road-card"
      aria-labelledby="road-card-title"
      data-testid="road-card"
      data-osm-kind={target.kind}
      data-osm-id={target.id}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <CardHeader id="road-card-title" title={title} closeLabel={t('info.close')} onClose={onClose} />
      {feature.isPending && <p role="status">{t('app.loading')}</p>}
      {feature.error && (
        <p role="alert" className="load-error">
          {feature.error.message}
        </p>
      )}
      {f && (
        <>
          <dl>
            {target.kind === 'way' && (
              <>
                <div className="row" data-testid="road-class">
                  <dt>{t('roads.card.class')}</dt>
                  <dd>
                    {className} <code>highway={highway}</code>
                  </dd>
                </div>
                <div className="row" data-testid="road-class-speed">
                  <dt>{t('roads.card.classSpeed')}</dt>
                  <dd>{kmh(f.class_speed_kmh)}</dd>
                </div>
                <div className="row" data-testid="road-speed">
                  <dt>{t('roads.card.speedUsed')}</dt>
                  <dd>
                    {f.speed_kmh
                      ? t('roads.card.eachWay', { forward: kmh(f.speed_kmh.forward), backward: kmh(f.speed_kmh.backward) })
                      : t('roads.card.notInNetwork')}
                  </dd>
                </div>
              </>
            )}
            {f.position && (
              <div className="row">
                <dt>{t('roads.card.position')}</dt>
                <dd>
                  {f.position[0].toFixed(5)}, {f.position[1].toFixed(5)}
                </dd>
              </div>
            )}
          </dl>
          <h3>{t('roads.card.tags')}</h3>
          <table className="tag-table small" data-testid="road-tags">
            <tbody>
              {Object.entries(f.tags).map(([k, v]) => (
                <tr key={k}>
                  <th scope="row">{k}</th>
                  <td>{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small">
            {t('roads.card.osmPage')} <code data-testid="road-osm-url">{f.osm_url}</code>
          </p>
          <p className="muted small">
            {f.attribution}
            {f.as_of ? ` · ${t('roads.card.asOf', { date: f.as_of })}` : ''}
          </p>
        </>
      )}
    </section>
  );
}
