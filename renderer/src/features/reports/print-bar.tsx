/**
 * The bar above a printable page (report, brochure): print or save as PDF, and close. Electron
 * saves through printToPDF and a save dialog, with the page's seal (its scenario) attached; the
 * browser edition opens the print dialog, where the print stylesheet leaves only the page
 * (api/desktop.ts), and offers the seal as a .json file that `siteselect verify` reads.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSeal } from '../../../../electron/contract/api.ts';
import { canSealPdf, printPage } from '../../api/desktop.ts';
import { saveText } from '../../components/save-file.ts';

export function PrintBar({
  fileName,
  onClose,
  testId,
  seal,
}: {
  fileName: string;
  onClose(): void;
  testId: string;
  seal?: ReportSeal | null;
}) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<string | null>(null);
  const print = async () => setSaved(await printPage(`${fileName}.pdf`, seal ?? undefined));
  return (
    <div className="report-actions">
      <button type="button" className="primary" onClick={() => void print()} data-testid={`${testId}-print`}>
        {t('reports.print')}
      </button>
      {seal && !canSealPdf() && (
        <button
          type="button"
          onClick={() => saveText(`${fileName}.siteselect.json`, 'application/json', JSON.stringify(seal))}
          title={t('verify.browserNote')}
          data-testid={`${testId}-save-seal`}
        >
          {t('verify.saveSeal')}
        </button>
      )}
      <button type="button" onClick={onClose} data-testid={`${testId}-close`}>
        {t('reports.close')}
      </button>
      {saved && <span className="muted small">{t('reports.savedTo', { path: saved })}</span>}
    </div>
  );
}
