import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../electron/contract/api.ts';
import { localName, localText } from '../../../../geo/local-name.ts';
import { SelfTest } from './self-test.tsx';
import { RegistryList } from './registry-list.tsx';
import { useModal } from '../../components/use-modal.ts';

export interface AboutDialogProps {
  info: AppInfo;
  open: boolean;
  onClose(): void;
}

/** Version, data folder, and where every reference dataset comes from and under which terms. */
export function AboutDialog({ info, open, onClose }: AboutDialogProps) {
  const { t, i18n } = useTranslation();
  const ref = useModal(open);
  const [selfTest, setSelfTest] = useState(false);
  return (
    <dialog ref={ref} className="about" aria-labelledby="about-title" onClose={onClose}>
      <h2 id="about-title">{t('about.title')}</h2>
      <p>{t('about.version', { version: info.version, edition: t(`status.edition.${info.edition}`) })}</p>
      <p className="muted">{t('about.dataDir', { dir: info.dataDir })}</p>
      <p className="muted">{t('about.built', { date: info.reference.builtAt.slice(0, 10) })}</p>
      <button type="button" onClick={() => setSelfTest((on) => !on)} aria-expanded={selfTest} data-testid="self-test-open">
        {selfTest ? t('selftest.back') : t('selftest.open')}
      </button>
      {selfTest && <SelfTest />}
      {!selfTest &&
        info.reference.sources.map((s) => (
          <section key={s.id} className="source" data-source-id={s.id}>
            <h3>{localName(s, i18n.language)}</h3>
            <dl>
              <dt>{t('about.origin')}</dt>
              <dd>{localText(s, 'origin', i18n.language)}</dd>
              <dt>{t('about.terms')}</dt>
              <dd>{localText(s, 'terms', i18n.language)}</dd>
              <dt>{t('about.crs')}</dt>
              <dd>{localText(s, 'crs', i18n.language)}</dd>
              <dt>{t('about.asOf')}</dt>
              <dd>
                {s.as_of ?? t('about.unknown')}
                <span className="muted"> · {localText(s, 'vintage', i18n.language)}</span>
              </dd>
            </dl>
          </section>
        ))}
      {!selfTest && <RegistryList registry={info.reference.registry} headingId="registry-title" />}
      <form method="dialog">
        <button type="submit" autoFocus>
          {t('about.close')}
        </button>
      </form>
    </dialog>
  );
}
