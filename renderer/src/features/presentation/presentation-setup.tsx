/**
 * Before a fair: choose the tour, start presentation mode, set the agent's contact (for the
 * brochure) and the PIN that leaves presentation mode, and author a tour from map views.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, Tour, TourStop } from '../../../../electron/contract/api.ts';
import { localName, localText } from '../../../../geo/local-name.ts';
import { useSaveTour, useUpdateSettings } from '../../api/mutations.ts';
import { useSettings, useTours } from '../../api/queries.ts';
import { useModal } from '../../components/use-modal.ts';

export function PresentationSetup({
  open,
  map,
  visibleLayers,
  onStart,
  onClose,
}: {
  open: boolean;
  map: MapLibreMap | null;
  visibleLayers(): string[];
  onStart(tour: Tour, settings: Settings): void;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const ref = useModal(open);
  const tours = useTours().data ?? [];
  const [chosenTour, setChosenTour] = useState('');
  const tourId = chosenTour || (tours[0]?.id ?? '');
  const savedSettings = useSettings().data;
  /** The settings as edited here (the saved ones until the first edit). */
  const [edited, setSettings] = useState<Settings | null>(null);
  const settings = edited ?? savedSettings ?? null;
  const updateSettings = useUpdateSettings().mutateAsync;
  const saveTour = useSaveTour().mutateAsync;
  const [pin, setPin] = useState('');
  const [draft, setDraft] = useState<TourStop[]>([]);
  const [caption, setCaption] = useState({ zh: '', en: '' });
  const [names, setNames] = useState({ zh: '', en: '' });
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const act = async (fn: () => Promise<string>) => {
    setMessage(null);
    try {
      setMessage({ kind: 'ok', text: await fn() });
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message });
    }
  };
  const agent = settings?.agent;
  const setAgent = (patch: Partial<Settings['agent']>) => settings && setSettings({ ...settings, agent: { ...settings.agent, ...patch } });
  const addStop = () => {
    if (!map) return;
    const c = map.getCenter();
    setDraft((d) => [
      ...d,
      {
        center: [c.lng, c.lat],
        zoom: map.getZoom(),
        bearing: map.getBearing(),
        pitch: map.getPitch(),
        layers: visibleLayers(),
        highlight: [],
        caption_zh: caption.zh.trim(),
        caption_en: caption.en.trim(),
        seconds: 10,
      },
    ]);
    setCaption({ zh: '', en: '' });
  };
  const tour = tours.find((x) => x.id === tourId);

  return (
    <dialog ref={ref} className="present-setup" aria-labelledby="present-setup-title" onClose={onClose} data-testid="present-setup">
      <h2 id="present-setup-title">{t('present.setupTitle')}</h2>
      <div className="two-col">
        <label className="field">
          <span>{t('present.tour')}</span>
          <select value={tourId} onChange={(e) => setChosenTour(e.currentTarget.value)} data-testid="present-tour">
            {tours.map((x) => (
              <option key={x.id} value={x.id}>
                {localName(x, i18n.language)} ({x.stops.length})
              </option>
            ))}
          </select>
        </label>
        <div className="button-row end">
          <button
            type="button"
            className="primary big"
            disabled={!tour || !settings}
            onClick={() => tour && settings && onStart(tour, settings)}
            data-testid="present-start"
          >
            {t('present.start')}
          </button>
        </div>
      </div>
      <p className="muted small">{t('present.exitHint')}</p>

      <h3>{t('present.contact')}</h3>
      {agent && (
        <div className="two-col">
          {(['name', 'organisation', 'phone', 'email'] as const).map((k) => (
            <label key={k} className="field">
              <span>{t(`present.agent.${k}`)}</span>
              <input type="text" value={agent[k]} onChange={(e) => setAgent({ [k]: e.currentTarget.value })} data-testid={`agent-${k}`} />
            </label>
          ))}
        </div>
      )}
      {settings && (
        <label className="field">
          <span>{t('present.idle')}</span>
          <input
            type="number"
            min={10}
            max={3600}
            value={settings.presentationIdleSeconds}
            onChange={(e) => setSettings({ ...settings, presentationIdleSeconds: Number(e.currentTarget.value) })}
            data-testid="idle-setting"
          />
        </label>
      )}
      <div className="two-col">
        <label className="field">
          <span>{settings?.presentationPinSet ? t('present.pinChange') : t('present.pinSet')}</span>
          <input
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={pin}
            onChange={(e) => setPin(e.currentTarget.value)}
            data-testid="pin-setting"
          />
        </label>
        <div className="button-row end">
          <button
            type="button"
            onClick={() =>
              void act(async () => {
                const s = await updateSettings({
                  ...(agent ? { agent } : {}),
                  ...(settings ? { presentationIdleSeconds: settings.presentationIdleSeconds } : {}),
                  ...(pin !== '' ? { presentationPin: pin } : {}),
                });
                setSettings(s);
                setPin('');
                return t('present.settingsSaved');
              })
            }
            data-testid="present-settings-save"
          >
            {t('present.saveSettings')}
          </button>
          {settings?.presentationPinSet && (
            <button
              type="button"
              onClick={() => void act(async () => (setSettings(await updateSettings({ presentationPin: '' })), t('present.pinRemoved')))}
            >
              {t('present.pinRemove')}
            </button>
          )}
        </div>
      </div>

      <h3>{t('present.authorTitle')}</h3>
      <p className="muted small">{t('present.authorHint')}</p>
      <div className="two-col">
        <label className="field">
          <span>{t('present.captionZh')}</span>
          <input
            type="text"
            value={caption.zh}
            onChange={(e) => setCaption({ ...caption, zh: e.currentTarget.value })}
            data-testid="stop-caption-zh"
          />
        </label>
        <label className="field">
          <span>{t('present.captionEn')}</span>
          <input
            type="text"
            value={caption.en}
            onChange={(e) => setCaption({ ...caption, en: e.currentTarget.value })}
            data-testid="stop-caption-en"
          />
        </label>
      </div>
      <button
        type="button"
        disabled={!map || caption.zh.trim() === '' || caption.en.trim() === ''}
        onClick={addStop}
        data-testid="stop-add"
      >
        {t('present.addStop')}
      </button>
      {draft.length > 0 && (
        <ol className="draft-stops" data-testid="draft-stops">
          {draft.map((s, i) => (
            <li key={i}>
              {localText(s, 'caption', i18n.language)}{' '}
              <button
                type="button"
                className="link"
                onClick={() => setDraft((d) => d.filter((_, j) => j !== i))}
                aria-label={t('imports.delete')}
              >
                ✕
              </button>
            </li>
          ))}
        </ol>
      )}
      <div className="two-col">
        <label className="field">
          <span>{t('present.tourNameZh')}</span>
          <input
            type="text"
            value={names.zh}
            onChange={(e) => setNames({ ...names, zh: e.currentTarget.value })}
            data-testid="tour-name-zh"
          />
        </label>
        <label className="field">
          <span>{t('present.tourNameEn')}</span>
          <input
            type="text"
            value={names.en}
            onChange={(e) => setNames({ ...names, en: e.currentTarget.value })}
            data-testid="tour-name-en"
          />
        </label>
      </div>
      <button
        type="button"
        disabled={draft.length === 0 || names.zh.trim() === '' || names.en.trim() === ''}
        onClick={() =>
          void act(async () => {
            const saved = await saveTour({ name_zh: names.zh, name_en: names.en, stops: draft });
            setChosenTour(saved.id);
            setDraft([]);
            return t('present.tourSaved', { name: localName(saved, i18n.language) });
          })
        }
        data-testid="tour-save"
      >
        {t('present.saveTour')}
      </button>
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'load-error small' : 'muted small'}
          data-testid="present-message"
        >
          {message.text}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('about.close')}
        </button>
      </div>
    </dialog>
  );
}
