/**
 * Trade-fair presentation mode: full screen, large type, touch-sized controls, side panels hidden.
 * A guided tour plays by itself (camera, layers, highlighted features, caption in the current
 * language); a visitor can pause it, step through it, switch language, or open quick-match. After
 * the idle time set in the settings (60 s by default) without a touch, key or wheel it goes back
 * to the first stop and plays again. Leaving it takes the key
 * combination Ctrl+Shift+X, or the PIN set in the settings. Nothing here shows an error dialog: a
 * failed call leaves the tour running.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile, RankingResult, Settings, Tour } from '../../../../electron/contract/api.ts';
import { localName, localText } from '../../../../geo/local-name.ts';
import { setKiosk } from '../../api/desktop.ts';
import { useCheckPresentationPin, useScoreSites } from '../../api/mutations.ts';
import { useLoaders, usePlanTaxonomy, useProfilePresets } from '../../api/queries.ts';
import { MapOverlay, OVERLAY_IDS, type Overlay } from '../../components/map/overlays.ts';
import { Brochure, type BrochurePark } from './brochure.tsx';
import { IndustryIcon } from './industry-icon.tsx';
import { MARKETS, reasonsFor, topParks, visitorProfile, type Market } from './quick-match.ts';
import { reasonText } from './reason-text.ts';

/** Ctrl+Shift+<this key> always leaves presentation mode. */
const EXIT_KEY = 'X';

type Feature = { type: 'Feature'; geometry: { type: string; coordinates: unknown } | null; properties: Record<string, unknown> };

/** Features by id across the reference layers (each layer fetched once, through the query cache). */
function useFeatureIndex() {
  const load = useLoaders();
  return useCallback(
    async (layers: readonly string[], ids: readonly string[]): Promise<Feature[]> => {
      const out: Feature[] = [];
      for (const layer of layers) {
        const features = ((await load.layerFeatures(layer).catch(() => ({ features: [] }))) as { features: Feature[] }).features;
        for (const f of features) if (f.geometry && ids.includes(String(f.properties['id']))) out.push(f);
      }
      return out;
    },
    [load],
  );
}

interface Highlight {
  id: string;
  features: Feature[];
}

/**
 * Highlights are drawn from a fresh source each time (a new id, the previous overlay removed):
 * calling setData on a GeoJSON source while its tiles are being drawn made MapLibre fail in a
 * circle layer's draw now and then (seen on a busy machine), and reusing a removed source's id can
 * let its old tiles reach the new one, so ids are never reused, not even by the next presentation.
 */
let highlightSerial = 0;
function newHighlight(features: Feature[]): Highlight {
  return { id: `${OVERLAY_IDS.highlight}-${++highlightSerial}`, features };
}

function HighlightOverlay({ map, highlight }: { map: MapLibreMap | null; highlight: Highlight }) {
  const overlay = useMemo(
    (): Overlay => ({
      id: highlight.id,
      source: { type: 'geojson', data: { type: 'FeatureCollection', features: highlight.features } as never },
      layers: [
        {
          slot: 'highlight',
          layer: {
            id: `${highlight.id}-line`,
            type: 'line',
            filter: ['!=', ['geometry-type'], 'Point'],
            paint: { 'line-color': '#ffb000', 'line-width': 7, 'line-opacity': 0.75 },
          },
        },
        {
          slot: 'highlight',
          layer: {
            id: `${highlight.id}-ring`,
            type: 'circle',
            filter: ['==', ['geometry-type'], 'Point'],
            paint: {
              'circle-radius': 22,
              'circle-color': 'rgba(255,176,0,0.18)',
              'circle-stroke-color': '#ffb000',
              'circle-stroke-width': 4,
            },
          },
        },
      ],
    }),
    [highlight],
  );
  return <MapOverlay map={map} overlay={overlay} />;
}

export interface PresentationProps {
  map: MapLibreMap | null;
  tour: Tour;
  settings: Settings;
  /** Shows exactly these reference layers (empty: leave as they are). */
  onLayers(ids: readonly string[]): void;
  onSwitchLanguage(): void;
  onExit(): void;
}

export function PresentationMode({ map, tour, settings, onLayers, onSwitchLanguage, onExit }: PresentationProps) {
  const { t, i18n } = useTranslation();
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(true);
  const [screen, setScreen] = useState<'tour' | 'match' | 'brochure'>('tour');
  const [pinOpen, setPinOpen] = useState(false);
  const [pin, setPin] = useState('');
  const [pinWrong, setPinWrong] = useState(false);
  /** What quick-match found last, for the brochure. */
  const [matched, setMatched] = useState<BrochurePark[]>([]);
  const [matchedProfile, setMatchedProfile] = useState<Profile | null>(null);
  const [highlight, setHighlight] = useState<Highlight | null>(null);
  const featuresOf = useFeatureIndex();
  const checkPin = useCheckPresentationPin().mutateAsync;
  const stop = tour.stops[index] ?? tour.stops[0];

  // Full screen (Fullscreen API; Electron also turns kiosk on). A refusal is not an error in front of visitors.
  useEffect(() => {
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
    void setKiosk(true).catch(() => undefined);
    document.body.classList.add('presenting');
    return () => {
      document.body.classList.remove('presenting');
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      void setKiosk(false).catch(() => undefined);
    };
  }, []);

  // Each stop: camera, layers, highlighted features (once per stop, whatever else re-renders).
  const showLayers = useEffectEvent((ids: readonly string[]) => onLayers(ids));
  useEffect(() => {
    if (!map || !stop || screen !== 'tour') return;
    let live = true;
    // Layers switch once the flight has ended: switching circle layers during a flight made
    // MapLibre 6.17 fail to draw a frame now and then on a busy machine.
    if (stop.layers.length > 0) map.once('moveend', () => live && showLayers(stop.layers));
    map.flyTo({ center: stop.center, zoom: stop.zoom, bearing: stop.bearing, pitch: stop.pitch, duration: 2000, essential: true });
    void featuresOf(
      stop.layers.length > 0 ? stop.layers : ['parks', 'bonded-zones', 'airports', 'expressways', 'rail-lines', 'logistics-hubs'],
      stop.highlight,
    ).then((features) => live && setHighlight(newHighlight(features)));
    return () => {
      live = false;
    };
  }, [map, stop, screen, featuresOf]);

  // Autoplay: the next stop after the stop's time; after the last, the first again.
  useEffect(() => {
    if (!playing || screen !== 'tour' || !stop) return;
    const timer = setTimeout(() => setIndex((i) => (i + 1) % tour.stops.length), stop.seconds * 1000);
    return () => clearTimeout(timer);
  }, [playing, screen, stop, tour.stops.length]);

  // Idle: back to the first stop, playing, on the tour screen.
  const idleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const touched = useCallback(() => {
    if (idleTimer.current) clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(() => {
      setScreen('tour');
      setIndex(0);
      setPlaying(true);
      setPinOpen(false);
    }, settings.presentationIdleSeconds * 1000);
  }, [settings.presentationIdleSeconds]);
  useEffect(() => {
    const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, touched, { passive: true });
    touched();
    return () => {
      for (const e of events) window.removeEventListener(e, touched);
      if (idleTimer.current) clearTimeout(idleTimer.current);
    };
  }, [touched]);

  // The key combination that always leaves.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.shiftKey && e.key.toUpperCase() === EXIT_KEY) {
        e.preventDefault();
        onExit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onExit]);

  const step = (d: number) => {
    setPlaying(false);
    setIndex((i) => (i + d + tour.stops.length) % tour.stops.length);
  };
  const tryPin = async () => {
    const r = await checkPin({ pin }).catch(() => ({ ok: false }));
    if (r.ok) onExit();
    else {
      setPinWrong(true);
      setPin('');
    }
  };

  return (
    <div className="presentation" data-testid="presentation">
      {highlight && <HighlightOverlay key={highlight.id} map={map} highlight={highlight} />}
      {screen === 'tour' && stop && (
        <div className="tour-caption" aria-live="polite" data-testid="tour-caption" data-stop={index}>
          <span className="tour-count">
            {index + 1} / {tour.stops.length}
          </span>
          <p>{localText(stop, 'caption', i18n.language)}</p>
        </div>
      )}
      {screen === 'match' && map && (
        <QuickMatch
          map={map}
          onMatched={(parks, profile) => {
            setMatched(parks);
            setMatchedProfile(profile);
          }}
          onHighlight={(features) => setHighlight(newHighlight(features))}
          onBrochure={() => setScreen('brochure')}
          onClose={() => setScreen('tour')}
        />
      )}
      {screen === 'brochure' && (
        <Brochure parks={matched} profile={matchedProfile} agent={settings.agent} onClose={() => setScreen('match')} />
      )}
      <nav className="present-controls" aria-label={t('present.controls')}>
        <button type="button" onClick={() => step(-1)} aria-label={t('present.previous')} data-testid="tour-prev">
          ◀
        </button>
        <button
          type="button"
          onClick={() => setPlaying((p) => !p)}
          aria-label={playing ? t('present.pause') : t('present.play')}
          data-testid="tour-play"
          data-playing={playing}
        >
          {playing ? '❚❚' : '▶'}
        </button>
        <button type="button" onClick={() => step(1)} aria-label={t('present.next')} data-testid="tour-next">
          ▶▶
        </button>
        <button
          type="button"
          className={screen === 'match' ? 'active' : ''}
          onClick={() => setScreen(screen === 'tour' ? 'match' : 'tour')}
          data-testid="open-quick-match"
        >
          {screen === 'tour' ? t('present.quickMatch') : t('present.backToTour')}
        </button>
        <button type="button" onClick={onSwitchLanguage} data-testid="present-language">
          {t('language.switchTo')}
        </button>
        {settings.presentationPinSet && (
          <button type="button" className="quiet" onClick={() => (setPinOpen(true), setPinWrong(false))} data-testid="present-exit">
            {t('present.exit')}
          </button>
        )}
      </nav>
      {pinOpen && (
        <div className="pin-pad" role="dialog" aria-label={t('present.pinTitle')} data-testid="pin-pad">
          <p>{pinWrong ? t('present.pinWrong') : t('present.pinTitle')}</p>
          <input
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(e) => setPin(e.currentTarget.value.replace(/\D/g, '').slice(0, 8))}
            aria-label={t('present.pinTitle')}
            data-testid="pin-input"
          />
          <div className="digits">
            {['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'].map((d) => (
              <button key={d} type="button" onClick={() => setPin((p) => (p + d).slice(0, 8))}>
                {d}
              </button>
            ))}
          </div>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void tryPin()} data-testid="pin-ok">
              {t('present.pinOk')}
            </button>
            <button type="button" onClick={() => (setPinOpen(false), setPin(''))}>
              {t('access.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function QuickMatch({
  map,
  onMatched,
  onHighlight,
  onBrochure,
  onClose,
}: {
  map: MapLibreMap;
  onMatched(parks: BrochurePark[], profile: Profile): void;
  onHighlight(features: Feature[]): void;
  onBrochure(): void;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const industries = usePlanTaxonomy().data?.industries ?? [];
  const presets = useProfilePresets().data ?? [];
  const scoreSites = useScoreSites();
  const [industry, setIndustry] = useState<string | null>(null);
  const [markets, setMarkets] = useState<Market[]>([]);
  const [result, setResult] = useState<RankingResult['candidates'] | null>(null);
  const run = async (id: string, m: Market[]) => {
    const preset = presets.find((p) => p.id === id);
    if (!preset) return;
    setIndustry(id);
    const profile = visitorProfile(preset.profile, m);
    const r = await scoreSites({ profile, monteCarloSamples: 0 }).catch(() => null);
    if (!r) return;
    const top = topParks(r);
    setResult(top);
    onMatched(
      top.map((c) => ({
        id: c.id,
        name_zh: c.name_zh,
        name_en: c.name_en,
        position: c.position,
        rank: c.rank ?? 0,
        reasons: reasonsFor(c),
        approximate: c.approximate,
      })),
      profile,
    );
    if (top.length > 0) {
      const lngs = top.map((c) => c.position[0]);
      const lats = top.map((c) => c.position[1]);
      map.fitBounds([Math.min(...lngs) - 0.3, Math.min(...lats) - 0.3, Math.max(...lngs) + 0.3, Math.max(...lats) + 0.3], {
        padding: { top: 80, bottom: 160, left: 80, right: 560 },
        duration: 1500,
        maxZoom: 9,
      });
      onHighlight(top.map((c) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: c.position }, properties: { id: c.id } })));
    }
  };
  const toggleMarket = (m: Market) => {
    const next = markets.includes(m) ? markets.filter((x) => x !== m) : [...markets, m];
    setMarkets(next);
    if (industry) void run(industry, next);
  };
  return (
    <section className="quick-match" aria-labelledby="qm-title" data-testid="quick-match">
      <h2 id="qm-title">{t('present.matchTitle')}</h2>
      <div className="industry-grid">
        {industries.map((i) => (
          <button
            key={i.id}
            type="button"
            className={industry === i.id ? 'active' : ''}
            aria-pressed={industry === i.id}
            onClick={() => void run(i.id, markets)}
            data-testid={`industry-${i.id}`}
          >
            <IndustryIcon id={i.id} />
            <span>{localName(i, i18n.language)}</span>
          </button>
        ))}
      </div>
      <div className="market-row" role="group" aria-label={t('present.markets')}>
        <span>{t('present.markets')}</span>
        {MARKETS.map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={markets.includes(m)}
            className={markets.includes(m) ? 'active' : ''}
            onClick={() => toggleMarket(m)}
            data-testid={`market-${m}`}
          >
            {t(`scoring.marketNames.${m}`)}
          </button>
        ))}
      </div>
      {result && (
        <ol className="match-results" data-testid="match-results">
          {result.map((c) => (
            <li key={c.id} data-candidate={c.id}>
              <strong>{localName(c, i18n.language)}</strong>
              <ul>
                {reasonsFor(c).map((r) => (
                  <li key={r.criterion}>{reasonText(r, t, i18n.language)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      <div className="button-row">
        {result && result.length > 0 && (
          <button type="button" className="primary" onClick={onBrochure} data-testid="open-brochure">
            {t('present.brochure')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('present.backToTour')}
        </button>
      </div>
    </section>
  );
}
