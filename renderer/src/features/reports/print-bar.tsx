/**
 * The bar above a printable page (report, brochure): print or save as PDF, and close. Electron
 * saves through printToPDF and a save dialog, the browser edition opens the print dialog, where the
 * print stylesheet leaves only the page (api/desktop.ts).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { printPage } from '../../api/desktop.ts';

export function PrintBar({ fileName, onClose, testId }: { fileName: string; onClose(): void; testId: string }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<string | null>(null);
  const print = async () => setSaved(await printPage(`${fileName}.pdf`));
  return (
    <div className="report-actions">
      <button type="button" className="primary" onClick={() => void print()} data-testid={`${testId}-print`}>
        {t('reports.print')}
      </button>
      <button type="button" onClick={onClose} data-testid={`${testId}-close`}>
        {t('reports.close')}
      </button>
      {saved && <span className="muted small">{t('reports.savedTo', { path: saved })}</span>}
    </div>
  );
}
