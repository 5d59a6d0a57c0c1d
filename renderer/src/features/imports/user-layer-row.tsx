/** A user layer in the panel: rename, colour, export in four formats, delete (asks once more). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerSummary } from '../../../../electron/contract/api.ts';
import { useDeleteLayer, useExportLayer, useRenameLayer, useSetLayerStyle } from '../../api/mutations.ts';
import { saveBase64 } from '../../components/save-file.ts';
import { colourOf } from './user-layers.tsx';

export function UserLayerRow({ layer, visible, onToggle }: { layer: LayerSummary; visible: boolean; onToggle(visible: boolean): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(layer.name_zh);
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setStyle = useSetLayerStyle().mutateAsync;
  const rename = useRenameLayer().mutateAsync;
  const remove = useDeleteLayer().mutateAsync;
  const exportLayer = useExportLayer().mutateAsync;
  // Each write refreshes the layer list itself (api/keys.ts); only a failure is shown here.
  const run = (p: Promise<unknown>) => void p.catch((e: unknown) => setError((e as Error).message));
  return (
    <li className="layer-row user-layer" data-layer-id={layer.id} data-count={layer.featureCount}>
      <div className="layer-main">
        <label>
          <input
            type="checkbox"
            checked={visible}
            onChange={(e) => onToggle(e.currentTarget.checked)}
            aria-label={t('panel.show', { name: layer.name_zh })}
          />
          <input
            type="color"
            value={colourOf(layer)}
            onChange={(e) => run(setStyle({ id: layer.id, colour: e.currentTarget.value }))}
            aria-label={t('imports.colour')}
            className="colour"
          />
        </label>
        <input
          type="text"
          className="rename"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onBlur={() => name.trim() && name !== layer.name_zh && run(rename({ id: layer.id, name: name.trim() }))}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          aria-label={t('imports.rename')}
        />
        <span className="layer-count">{layer.featureCount}</span>
      </div>
      <div className="user-actions">
        <span className="tag">{t(`imports.roles.${layer.role ?? 'reference'}`)}</span>
        {layer.author && (
          <span className="tag author" data-testid={`author-${layer.id}`}>
            {t('team.by', { author: layer.author })}
          </span>
        )}
        <select
          value=""
          aria-label={t('imports.export')}
          onChange={(e) => {
            const format = e.currentTarget.value as 'geojson' | 'csv' | 'xlsx' | 'kml';
            if (!format) return;
            void exportLayer({ id: layer.id, format }).then(
              (r) => saveBase64(`${layer.name_zh}.${format}`, r.mime, r.dataBase64),
              (err: unknown) => setError((err as Error).message),
            );
          }}
          data-testid={`export-${layer.id}`}
        >
          <option value="">{t('imports.export')}</option>
          {(['geojson', 'csv', 'xlsx', 'kml'] as const).map((f) => (
            <option key={f} value={f}>
              {f.toUpperCase()}
            </option>
          ))}
        </select>
        <button
          type="button"
          className={confirm ? 'danger' : undefined}
          onClick={() => (confirm ? run(remove({ id: layer.id })) : setConfirm(true))}
          onBlur={() => setConfirm(false)}
          data-testid={`delete-${layer.id}`}
        >
          {confirm ? t('imports.confirmDelete') : t('imports.delete')}
        </button>
      </div>
      {error && <p className="load-error small">{error}</p>}
    </li>
  );
}
