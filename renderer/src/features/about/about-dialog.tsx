import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../electron/contract/api.ts';

export interface AboutDialogProps {
  info: AppInfo;
  open: boolean;
  onClose(): void;
}

/** Version, data folder, and where every reference dataset comes from and under which terms. */
export function AboutDialog({ info, open, onClose }: AboutDialogProps) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const en = i18n.language === 'en';
  return (
    <dialog ref={ref} className="about" aria-labelledby="about-title" onClose={onClose}>
      <h2 id="about-title">{t('about.title')}</h2>
      <p>{t('about.version', { version: info.version, edition: t(`status.edition.${info.edition}`) })}</p>
      <p className="muted">{t('about.dataDir', { dir: info.dataDir })}</p>
      <p className="muted">{t('about.built', { date: info.reference.builtAt.slice(0, 10) })}</p>
      {info.reference.sources.map((s) => (
        <section key={s.id} className="source" data-source-id={s.id}>
          <h3>{en ? s.name_en : s.name_zh}</h3>
          <dl>
            <dt>{t('about.origin')}</dt>
            <dd>{en ? s.origin_en : s.origin_zh}</dd>
            <dt>{t('about.terms')}</dt>
            <dd>{en ? s.terms_en : s.terms_zh}</dd>
            <dt>{t('about.crs')}</dt>
            <dd>{en ? s.crs_en : s.crs_zh}</dd>
            <dt>{t('about.asOf')}</dt>
            <dd>
              {s.as_of ?? t('about.unknown')}
              <span className="muted"> · {en ? s.vintage_en : s.vintage_zh}</span>
            </dd>
          </dl>
        </section>
      ))}
      <form method="dialog">
        <button type="submit" autoFocus>
          {t('about.close')}
        </button>
      </form>
    </dialog>
  );
}
