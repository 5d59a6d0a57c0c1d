import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Language, LayerSummary, PlaceHit, Settings, Tour } from '../../electron/contract/api.ts';
import { call } from './api/client.ts';
import { useApi } from './api/use-api.ts';
import { MapView } from './components/map/map-view.tsx';
import { AboutDialog } from './features/about/about-dialog.tsx';
import { InfoCard } from './features/info/info-card.tsx';
import { BASEMAP_LAYER_GROUPS, LayerPanel } from './features/layers/layer-panel.tsx';
import { useReferenceLayers, type HiddenSubkinds, type SelectedFeature } from './features/layers/use-reference-layers.ts';
import { SearchBox } from './features/search/search-box.tsx';
import { AccessCard } from './features/access/access-card.tsx';
import { ImportDialog } from './features/imports/import-dialog.tsx';
import { useUserLayers } from './features/imports/use-user-layers.ts';
import { AccessPanel } from './features/access/access-panel.tsx';
import { useAccessPoint } from './features/access/use-access-point.ts';
import { useSurface } from './features/access/use-surface.ts';
import { REFERENCE_STYLES } from './features/layers/reference-style.ts';
import { useRankingLayer } from './features/scoring/use-ranking-layer.ts';
import { useScoring } from './features/scoring/use-scoring.ts';
import { setLanguage } from './i18n/index.ts';

// Loaded when first opened: it carries the charting library, which the opening map does not need.
const ScoringPanel = lazy(() => import('./features/scoring/scoring-panel.tsx').then((m) => ({ default: m.ScoringPanel })));
const PresentationMode = lazy(() => import('./features/presentation/presentation-mode.tsx').then((m) => ({ default: m.PresentationMode })));
const PresentationSetup = lazy(() =>
  import('./features/presentation/presentation-setup.tsx').then((m) => ({ default: m.PresentationSetup })),
);
const ReportView = lazy(() => import('./features/reports/report-view.tsx').then((m) => ({ default: m.ReportView })));

/** The map as it is drawn now, as a PNG data URL (read right after a repaint, while the frame is intact). */
function mapSnapshot(map: MapLibreMap | null): Promise<string | null> {
  if (!map) return Promise.resolve(null);
  return new Promise((resolve) => {
    map.once('render', () => {
      try {
        resolve(map.getCanvas().toDataURL('image/png'));
      } catch {
        resolve(null);
      }
    });
    map.triggerRepaint();
  });
}

function StatusBar({ info, pointer, zoom }: { info: AppInfo; pointer: [number, number] | null; zoom: number }) {
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

interface WorkspaceProps {
  info: AppInfo;
  layers: LayerSummary[];
  language: Language;
  scoringOpen: boolean;
  onCloseScoring(): void;
  onLayersChanged(): void;
  setupOpen: boolean;
  onCloseSetup(): void;
  presenting: { tour: Tour; settings: Settings } | null;
  onPresent(p: { tour: Tour; settings: Settings } | null): void;
  onSwitchLanguage(): void;
}

function Workspace({
  info,
  layers,
  language,
  scoringOpen,
  onCloseScoring,
  onLayersChanged,
  setupOpen,
  onCloseSetup,
  presenting,
  onPresent,
  onSwitchLanguage,
}: WorkspaceProps) {
  const { t } = useTranslation();
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [pointer, setPointer] = useState<[number, number] | null>(null);
  const [zoom, setZoom] = useState(0);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [hiddenSubkinds, setHiddenSubkinds] = useState<HiddenSubkinds>({});
  const [selected, setSelected] = useState<SelectedFeature | null>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const hiddenStyleLayers = useMemo(() => new Set([...hidden].flatMap((id) => BASEMAP_LAYER_GROUPS[id] ?? [])), [hidden]);
  const onPointer = useCallback((p: [number, number] | null, z: number) => {
    setPointer(p);
    setZoom(z);
  }, []);
  const onReady = useCallback((map: MapLibreMap) => {
    mapRef.current = map;
    (window as unknown as { __siteselectMap?: MapLibreMap }).__siteselectMap = map;
    map.once('load', () => {
      setZoom(map.getZoom());
      setMap(map);
    });
  }, []);
  const access = useAccessPoint(map);
  const surface = useSurface(map);
  const network = useApi('networkInfo');
  const onSelect = useCallback(
    (feature: SelectedFeature | null) => {
      access.clear();
      setSelected(feature);
    },
    [access],
  );
  useReferenceLayers({ map, layers, language, hiddenLayers: hidden, hiddenSubkinds, onSelect });
  const scoring = useScoring();
  useUserLayers(map, layers, hidden);
  const [importOpen, setImportOpen] = useState(false);
  const importLoad = useRef<((f: File) => void) | null>(null);
  const [candidate, setCandidate] = useState<string | null>(null);
  const [pendingSite, setPendingSite] = useState<string | null>(null);
  const [placeError, setPlaceError] = useState<string | null>(null);
  const [report, setReport] = useState<{ mapImage: string | null } | null>(null);
  // Presentation: the layers shown before it started come back when it ends.
  const hiddenBefore = useRef<ReadonlySet<string> | null>(null);
  const referenceIds = useMemo(() => layers.filter((l) => l.kind === 'reference').map((l) => l.id), [layers]);
  const showOnly = useCallback(
    (ids: readonly string[]) =>
      setHidden((prev) => {
        hiddenBefore.current ??= prev;
        const next = referenceIds.filter((id) => !ids.includes(id));
        // Same layers as now: keep the same set, so nothing re-renders.
        return next.length === prev.size && next.every((id) => prev.has(id)) ? prev : new Set(next);
      }),
    [referenceIds],
  );
  const exitPresentation = useCallback(() => {
    if (hiddenBefore.current) setHidden(hiddenBefore.current);
    hiddenBefore.current = null;
    onPresent(null);
  }, [onPresent]);
  useRankingLayer(map, scoring.result, candidate);
  // A click on the map where there is no feature asks for travel times from that point; while a
  // site is being placed, the click places it instead.
  const pickRef = useRef(access.pick);
  const pendingRef = useRef<string | null>(null);
  const rerun = scoring.run;
  const hasResult = scoring.result !== null;
  useEffect(() => {
    pickRef.current = access.pick;
    pendingRef.current = pendingSite;
  }, [access.pick, pendingSite]);
  const placeSite = useCallback(
    async (name: string, at: [number, number]) => {
      setPendingSite(null);
      setPlaceError(null);
      try {
        const site = await call('addCandidateSite', { name, position: at });
        setCandidate(site.id);
        if (hasResult) await rerun();
      } catch (e) {
        setPlaceError((e as Error).message);
      }
    },
    [hasResult, rerun],
  );
  const placeRef = useRef(placeSite);
  useEffect(() => {
    placeRef.current = placeSite;
  }, [placeSite]);
  useEffect(() => {
    if (!map) return;
    const interactive = Object.values(REFERENCE_STYLES).flatMap((s) => s.interactive);
    const onClick = (e: MapMouseEvent) => {
      if (pendingRef.current) {
        void placeRef.current(pendingRef.current, [e.lngLat.lng, e.lngLat.lat]);
        return;
      }
      const ranked = map.getLayer('ranking-circle') ? map.queryRenderedFeatures(e.point, { layers: ['ranking-circle'] }) : [];
      if (ranked[0]) {
        setCandidate(String(ranked[0].properties['id']));
        return;
      }
      const layersPresent = interactive.filter((id) => map.getLayer(id));
      if (map.queryRenderedFeatures(e.point, { layers: layersPresent }).length > 0) return;
      setSelected(null);
      void pickRef.current([e.lngLat.lng, e.lngLat.lat]);
    };
    map.on('click', onClick);
    return () => {
      map.off('click', onClick);
    };
  }, [map]);
  const markets = useMemo(() => network.data?.markets ?? [], [network.data]);
  const runSurface = useCallback(
    (choice: string, cellKm: number) => {
      const [kind, id] = choice.split(':') as [string, string];
      const market = markets.find((m) => m.id === id);
      const label = kind === 'class' ? t(`classes.${id}`) : language === 'en' ? (market?.name_en ?? id) : (market?.name_zh ?? id);
      void surface.run(kind === 'class' ? { class: id as never } : { market: id }, label, cellKm);
    },
    [markets, surface, t, language],
  );
  const toggleSubkind = useCallback((layerId: string, subkind: string, visible: boolean) => {
    setHiddenSubkinds((prev) => {
      const next = new Set(prev[layerId] ?? []);
      if (visible) next.delete(subkind);
      else next.add(subkind);
      return { ...prev, [layerId]: next };
    });
  }, []);
  const flyTo = useCallback((hit: PlaceHit) => {
    if (!hit.center) return;
    mapRef.current?.flyTo({
      center: hit.center,
      zoom: hit.layer === 'prefectures' ? 8 : hit.layer === 'counties' ? 9 : 10.5,
      essential: true,
    });
  }, []);
  const toggle = useCallback((id: string, visible: boolean) => {
    setHidden((prev) => {
      const next = new Set(prev);
      if (visible) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const resetView = () => mapRef.current?.fitBounds(info.reference.zoneBounds, { padding: 24 });

  return (
    <div
      className="workspace"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        const f = e.dataTransfer.files[0];
        if (!f) return;
        e.preventDefault();
        setImportOpen(true);
        importLoad.current?.(f);
      }}
    >
      <aside className="side-panel">
        <SearchBox onChoose={flyTo} />
        <AccessPanel
          surface={surface.state}
          markets={markets}
          assumptions={network.data?.assumptions}
          onRun={runSurface}
          onCancel={surface.cancel}
          onClear={surface.clear}
        />
        <LayerPanel
          layers={layers}
          hidden={hidden}
          hiddenSubkinds={hiddenSubkinds}
          onToggle={toggle}
          onToggleSubkind={toggleSubkind}
          onImport={() => setImportOpen(true)}
          onLayersChanged={onLayersChanged}
          map={map}
        />
        <div className="panel-actions">
          <button type="button" onClick={resetView}>
            {t('map.resetView')}
          </button>
          <button type="button" onClick={() => setAboutOpen(true)}>
            {t('about.open')}
          </button>
        </div>
      </aside>
      <main className="map-area">
        <MapView
          zoneBounds={info.reference.zoneBounds}
          maxBounds={info.reference.bounds}
          minzoom={info.reference.minzoom}
          maxzoom={info.reference.maxzoom}
          language={language}
          hiddenLayers={hiddenStyleLayers}
          onPointer={onPointer}
          onReady={onReady}
        />
        {selected && <InfoCard feature={selected} onClose={() => setSelected(null)} />}
        {!selected && access.point && !scoringOpen && (
          <AccessCard point={access.point} markets={markets} onIsochrones={() => void access.drawIsochrones()} onClose={access.clear} />
        )}
        {scoringOpen && (
          <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
            <ScoringPanel
              scoring={scoring}
              selected={candidate}
              onSelect={(id) => {
                setCandidate(id);
                const c = scoring.result?.candidates.find((x) => x.id === id);
                if (c) mapRef.current?.easeTo({ center: c.position, zoom: Math.max(mapRef.current.getZoom(), 7.5) });
              }}
              addingSite={pendingSite !== null}
              onAddSite={setPendingSite}
              onClose={onCloseScoring}
              placeError={placeError}
              onProjectChanged={onLayersChanged}
              onReport={() => void mapSnapshot(mapRef.current).then((mapImage) => setReport({ mapImage }))}
            />
          </Suspense>
        )}
        {report && scoring.result && (
          <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
            <ReportView
              info={info}
              layers={layers}
              ranking={scoring.result}
              comparison={scoring.comparison}
              mapImage={report.mapImage}
              title={t('reports.documentTitle')}
              onClose={() => setReport(null)}
            />
          </Suspense>
        )}
      </main>
      {presenting && (
        <Suspense fallback={null}>
          <PresentationMode
            map={map}
            tour={presenting.tour}
            settings={presenting.settings}
            onLayers={showOnly}
            onSwitchLanguage={onSwitchLanguage}
            onExit={exitPresentation}
          />
        </Suspense>
      )}
      {setupOpen && (
        <Suspense fallback={null}>
          <PresentationSetup
            open={setupOpen}
            map={map}
            visibleLayers={() => referenceIds.filter((id) => !hidden.has(id))}
            onStart={(tour, settings) => {
              onCloseSetup();
              onPresent({ tour, settings });
            }}
            onClose={onCloseSetup}
          />
        </Suspense>
      )}
      <StatusBar info={info} pointer={pointer} zoom={zoom} />
      <AboutDialog info={info} open={aboutOpen} onClose={() => setAboutOpen(false)} />
      <ImportDialog
        open={importOpen}
        loadRef={importLoad}
        map={map}
        onClose={() => setImportOpen(false)}
        onImported={() => onLayersChanged()}
      />
    </div>
  );
}

export function App({ initialLanguage }: { initialLanguage: Language }) {
  const { t } = useTranslation();
  const [language, setLang] = useState<Language>(initialLanguage);
  const [scoringOpen, setScoringOpen] = useState(false);
  const [setupOpen, setSetupOpen] = useState(false);
  const [presenting, setPresenting] = useState<{ tour: Tour; settings: Settings } | null>(null);
  const info = useApi('appInfo');
  // Opened with #present (after a crash in Electron, or a kiosk shortcut): straight into the default tour.
  useEffect(() => {
    if (window.location.hash !== '#present') return;
    void Promise.all([call('listTours'), call('getSettings')]).then(
      ([tours, settings]) => tours[0] && setPresenting({ tour: tours[0], settings }),
      () => undefined,
    );
  }, []);
  const layers = useApi('listLayers');
  const switchLanguage = async () => {
    const next: Language = language === 'zh' ? 'en' : 'zh';
    await setLanguage(next);
    setLang(next);
    // Remember the choice; the UI has already switched, so a failure here only loses the memory.
    await call('updateSettings', { language: next }).catch((e: unknown) => console.warn('could not save the language', e));
  };
  const failure = info.error ?? layers.error;
  return (
    <div className="app">
      <header className="top-bar">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="subtitle">{t('app.subtitle')}</p>
        </div>
        <div className="top-actions">
          <button type="button" className="present-toggle" onClick={() => setSetupOpen(true)} data-testid="present-open">
            {t('present.open')}
          </button>
          <button
            type="button"
            className="scoring-toggle"
            aria-pressed={scoringOpen}
            onClick={() => setScoringOpen((o) => !o)}
            data-testid="scoring-toggle"
          >
            {t('scoring.open')}
          </button>
          <button
            type="button"
            className="lang-switch"
            onClick={() => void switchLanguage()}
            aria-label={t('language.switchLabel')}
            data-testid="language-switch"
          >
            {t('language.switchTo')}
          </button>
        </div>
      </header>
      {failure ? (
        <p role="alert" className="load-error">
          {t('app.loadFailed', { message: failure.message })}
        </p>
      ) : info.data && layers.data ? (
        <Workspace
          info={info.data}
          layers={layers.data}
          language={language}
          scoringOpen={scoringOpen}
          onCloseScoring={() => setScoringOpen(false)}
          onLayersChanged={layers.reload}
          setupOpen={setupOpen}
          onCloseSetup={() => setSetupOpen(false)}
          presenting={presenting}
          onPresent={setPresenting}
          onSwitchLanguage={() => void switchLanguage()}
        />
      ) : (
        <p className="loading">{t('app.loading')}</p>
      )}
    </div>
  );
}
