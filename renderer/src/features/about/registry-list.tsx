/**
 * The sources registry (data/sources.json) as a list: title, publisher, date, citation and licence
 * of every source the zone's data cites, with the notices the licences require. About and the PDF
 * report show the same list.
 */
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../electron/contract/api.ts';

export function RegistryList({ registry, headingId }: { registry: AppInfo['reference']['registry']; headingId: string }) {
  const { t } = useTranslation();
  const notices = [...new Set(registry.flatMap((s) => (s.attribution ? [s.attribution] : [])))];
  return (
    <section className="registry" aria-labelledby={headingId} data-testid="sources-registry">
      <h3 id={headingId}>{t('about.registry')}</h3>
      {notices.length > 0 && (
        <p className="attribution" data-testid="about-attribution">
          {notices.join(' · ')}
        </p>
      )}
      <ol className="registry-list">
        {registry.map((s) => (
          <li key={s.id} data-registry-id={s.id}>
            <strong>{s.title}</strong>
            {s.publisher && <span> · {s.publisher}</span>}
            {s.date && <span> · {s.date}</span>}
            <div className="small">{s.citation}</div>
            <div className="small muted">
              {t('about.terms')}: {s.licence}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
