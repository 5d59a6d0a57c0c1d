/** The foot of the window: pointer position, zoom, offline, edition and version. */
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../electron/contract/api.ts';

export function StatusBar({ info, pointer, zoom }: { info: AppInfo; pointer: [number, number] | null; zoom: number }) {
  const { t } = useTranslation();
  return (
    <footer className="status-bar" role="status" aria-live="off">
      <span data-testid="cursor">
        {pointer ? t('status.cursor', { lng: pointer[0].toFixed(4), lat: pointer[1].toFixed(4) }) : t('status.cursorNone')}
      </span>
      <span>{t('status.zoom', { zoom: zoom.toFixed(1) })}</span>
      <span className="offline">{t('status.offline')}</span>
      <span>
        {t(`status.edition.${info.edition}`)} {info.version}
      </span>
    </footer>
  );
}
