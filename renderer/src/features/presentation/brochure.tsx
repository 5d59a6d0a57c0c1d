/**
 * The visitor's one-page brochure: the parks quick-match chose, with their reasons and travel
 * times to Guangzhou, Shenzhen and the nearest airport (the travelTimes handler), and the agent's
 * contact with a QR code holding it as a vCard (no URL needed). Printed like the report: through
 * the print stylesheet, or printToPDF in Electron.
 */
import QRCode from 'qrcode';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile, Settings, StampArgs } from '../../../../electron/contract/api.ts';
import { brochureLedger } from '../../../../geo/scoring/ledger.ts';
import { localName } from '../../../../geo/local-name.ts';
import { useTravelTimesFrom } from '../../api/queries.ts';
import { ApproximateTag, formatRaw } from '../scoring/ranking-view.tsx';
import type { Reason } from './quick-match.ts';
import { vcard } from './vcard.ts';
import { PrintBar } from '../reports/print-bar.tsx';
import { StampLine, useReportSeal } from '../reports/report-stamp.tsx';
import { NetworkLabelLine } from '../../components/network-label.tsx';
import { reasonText } from './reason-text.ts';

export interface BrochurePark {
  id: string;
  name_zh: string;
  name_en: string;
  position: [number, number];
  rank: number;
  reasons: Reason[];
  /** The park stands on its county seat: its times are measured from there (shown "≈ 县城"). */
  approximate: boolean;
}

export function Brochure({
  parks,
  profile,
  agent,
  onClose,
}: {
  parks: BrochurePark[];
  /** The visitor's profile the parks were ranked by (the stamp hashes it). */
  profile: Profile | null;
  agent: Settings['agent'];
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  // Shown together once every park's are in; a park whose times cannot be computed shows them as unknown.
  const times = useTravelTimesFrom(parks.map((p) => p.position));
  const allIn = times.every((q) => !q.isPending);
  const language = i18n.language === 'en' ? 'en' : 'zh';
  const subject = useMemo(
    (): StampArgs | null =>
      profile && parks.length > 0 ? { kind: 'brochure', brochure: { profile, parks: parks.map((p) => p.id) }, language } : null,
    [profile, parks, language],
  );
  // The numbers the page prints, once every park's times are in.
  const ledger = allIn
    ? brochureLedger(
        { candidates: parks.map((p) => ({ id: p.id, rank: p.rank, total: null, criteria: [] })) },
        parks.map((p) => p.id),
        times.map((q) => q.data ?? null),
      )
    : null;
  const { stamp, seal } = useReportSeal(subject, ledger);
  // Every park's times come from the same (active) network.
  const network = allIn ? (times.find((q) => q.data)?.data?.network ?? null) : null;
  const [qr, setQr] = useState<string | null>(null);
  const card = vcard(agent);
  useEffect(() => {
    let live = true;
    if (card)
      void QRCode.toDataURL(card, { margin: 1, width: 220, errorCorrectionLevel: 'M' }).then(
        (url) => live && setQr(url),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [card]);
  const minutes = (m: { minutes: number; approximate: boolean } | null | undefined, from: BrochurePark) =>
    m === null || m === undefined ? t('info.unknown') : formatRaw(m.minutes, 'min', t, i18n.language, from.approximate || m.approximate);
  return (
    <div className="report brochure" data-testid="brochure">
      <PrintBar fileName={t('present.brochureFile')} onClose={onClose} testId="brochure" seal={seal} />
      <article className="report-page brochure-page">
        <header>
          <h1>{t('present.brochureTitle')}</h1>
          <p className="muted">{t('app.subtitle')}</p>
        </header>
        <ol className="brochure-parks">
          {parks.map((p, i) => {
            const tt = allIn ? times[i]?.data : undefined;
            return (
              <li key={p.id} data-candidate={p.id}>
                <h2>
                  {localName(p, i18n.language)} <ApproximateTag candidate={p} />
                </h2>
                <p className="brochure-times">
                  {t('present.toGuangzhou')}: <strong>{minutes(tt?.markets['guangzhou'], p)}</strong> · {t('present.toShenzhen')}:{' '}
                  <strong>{minutes(tt?.markets['shenzhen'], p)}</strong> · {t('present.toAirport')}:{' '}
                  <strong>{minutes(tt?.facilities['airport'], p)}</strong>
                  {tt?.facilities['airport'] ? ` (${localName(tt.facilities['airport'], i18n.language)})` : ''}
                </p>
                <ul>
                  {p.reasons.map((r) => (
                    <li key={r.criterion}>{reasonText(r, t, i18n.language)}</li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ol>
        <NetworkLabelLine label={network} testId="brochure-network" />
        <footer className="brochure-contact">
          <div>
            <h2>{t('present.contact')}</h2>
            {card ? (
              <p data-testid="brochure-agent">
                {agent.name}
                {agent.organisation && <span className="block">{agent.organisation}</span>}
                {agent.phone && <span className="block">☎ {agent.phone}</span>}
                {agent.email && <span className="block">✉ {agent.email}</span>}
              </p>
            ) : (
              <p className="muted">{t('present.noContact')}</p>
            )}
            <p className="muted small">{t('present.timesNote')}</p>
          </div>
          {qr && <img className="qr" src={qr} alt={t('present.qrAlt')} data-testid="brochure-qr" />}
        </footer>
        <StampLine stamp={stamp} network={network} />
      </article>
    </div>
  );
}
