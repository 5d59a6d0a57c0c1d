/**
 * The window's layout: the top bar, then the workspace (side panel, map with its cards and
 * overlays, status bar) and the dialogs and full-screen views over it. State lives in the hooks
 * of workspace/ and features/; data comes through api/.
 */
import { lazy, startTransition, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Language, LayerSummary } from '../../electron/contract/api.ts';
import type { ScoringPanelProps } from './features/scoring/scoring-panel.tsx';
import { useAppInfo, useLayers, useNetworkInfo } from './api/queries.ts';
import { easeToPosition, flyToPlace, mapSnapshot } from './components/map/camera.ts';
import { MapView } from './components/map/map-view.tsx';
import { Guard } from './components/guard.tsx';
import { StatusBar } from './components/status-bar.tsx';
import { AboutDialog } from './features/about/about-dialog.tsx';
import { AccessCard } from './features/access/access-card.tsx';
import { AccessPanel } from './features/access/access-panel.tsx';
import { RoadNetworkPanel } from './features/network/road-network-panel.tsx';
import { RoadCard } from './features/roads/road-card.tsx';
import { ROAD_LAYER_KEY } from './features/roads/road-legend.tsx';
import { useRoadMap } from './features/roads/use-road-layer.ts';
import { useAccessPoint } from './features/access/use-access-point.ts';
import { useSurface } from './features/access/use-surface.ts';
import { ImportDialog, type ImportDialogHandle } from './features/imports/import-dialog.tsx';
import { UserLayers } from './features/imports/user-layers.tsx';
import { InfoCard } from './features/info/info-card.tsx';
import { LayerPanel } from './features/layers/layer-panel.tsx';
import { ReferenceLayers, referenceSourceIds } from './features/layers/reference-layers.tsx';
import { SearchBox } from './features/search/search-box.tsx';
import { TeamDialog } from './features/team/team-dialog.tsx';
import { useTeamReconnect } from './features/team/use-team-reconnect.ts';
import { useRankingLayer } from './features/scoring/use-ranking-layer.ts';
import { useScoring } from './features/scoring/use-scoring.ts';
import { useUncertainty } from './features/scoring/use-uncertainty.ts';
import { MONTE_CARLO_SAMPLES, rankingWithStability, selectPayload } from './features/scoring/scoring-state.ts';
import { useLanguage } from './workspace/use-language.ts';
import { useLayerVisibility } from './workspace/use-layer-visibility.ts';
import { useMapClicks } from './workspace/use-map-clicks.ts';
import { useMapInstance } from './workspace/use-map-instance.ts';
import { useMapSelection } from './workspace/use-map-selection.ts';
import { usePresentationLayers } from './workspace/use-presentation-layers.ts';
import { usePresenting, type Presenting } from './workspace/use-presenting.ts';
import { useSitePlacement } from './workspace/use-site-placement.ts';
import { OsmMatchList } from './features/osm-matches/osm-match-list.tsx';
import { YearSlider } from './features/years/year-slider.tsx';
import { closeYearCompare, useYearCompareRequest } from './features/years/use-year-compare.ts';
import type { CompareNetworksResult } from '../../electron/contract/api.ts';

// Not in the first view: it carries the charting library, which the opening map does not need
// (fetched when the page is idle after the first view, or when first opened).
type ScoringPanelModule = typeof import('./features/scoring/scoring-panel.tsx');
/**
 * The scoring panel's module once loaded: rendered directly then, since a lazy component's first
 * render suspends even on a loaded module, and React holds a revealed fallback for 300 ms.
 */
let scoringPanelModule: ScoringPanelModule | null = null;
const loadScoringPanel = () => import('./features/scoring/scoring-panel.tsx').then((m) => (scoringPanelModule = m));
const LazyScoringPanel = lazy(() => loadScoringPanel().then((m) => ({ default: m.ScoringPanel })));
/** The panel: the loaded module's component, or the lazy one (chosen once per opening, so it is never remounted). */
function ScoringPanel(props: ScoringPanelProps) {
  const [Panel] = useState(() => scoringPanelModule?.ScoringPanel ?? LazyScoringPanel);
  return <Panel {...props} />;
}

/**
 * After the first complete view, when the page is idle: the scoring panel's code (with the ranking
 * view and its charts), so its first opening neither downloads and evaluates it (~350 ms on a
 * 2-core machine with software WebGL) nor waits behind a fallback. The first view does not load it.
 */
function prefetchAfterFirstView(): void {
  requestIdleCallback(() => void loadScoringPanel().catch(() => undefined), { timeout: 1500 });
}

const PresentationMode = lazy(() => import('./features/presentation/presentation-mode.tsx').then((m) => ({ default: m.PresentationMode })));
const PresentationSetup = lazy(() =>
  import('./features/presentation/presentation-setup.tsx').then((m) => ({ default: m.PresentationSetup })),
);
const ReportView = lazy(() => import('./features/reports/report-view.tsx').then((m) => ({ default: m.ReportView })));
const YearComparePanel = lazy(() => import('./features/years/year-compare-panel.tsx').then((m) => ({ default: m.YearComparePanel })));
const YearCompareReport = lazy(() => import('./features/years/year-compare-report.tsx').then((m) => ({ default: m.YearCompareReport })));

/**
 * False in the first render, true from a second one started right after the first commit. What
 * waits for it (the side panel's contents, the closed dialogs) renders while MapLibre's worker
 * already loads the map, not before the map is created; as a transition, that render yields to the
 * map's messages every few milliseconds (issue 19: ~250 ms of rendering stood between the app's
 * data arriving and the map being created).
 */
function useSecondPass(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => startTransition(() => setReady(true)), []);
  return ready;
}

interface WorkspaceProps {
  info: AppInfo;
  layers: LayerSummary[];
  language: Language;
  scoringOpen: boolean;
  onCloseScoring(): void;
  setupOpen: boolean;
  onCloseSetup(): void;
  presenting: Presenting | null;
  onPresent(p: Presenting | null): void;
  onSwitchLanguage(): void;
}

function Workspace(props: WorkspaceProps) {
  const { info, layers, language, scoringOpen, onCloseScoring, setupOpen, onCloseSetup, presenting, onPresent, onSwitchLanguage } = props;
  const { t } = useTranslation();
  const { map, mapRef, onReady, pointer, zoom, onPointer } = useMapInstance();
  const visibility = useLayerVisibility();
  const referenceIds = useMemo(() => layers.filter((l) => l.kind === 'reference').map((l) => l.id), [layers]);
  const presentationLayers = usePresentationLayers(visibility.setHidden, referenceIds);
  const firstViewSources = useMemo(() => referenceSourceIds(layers), [layers]);
  const access = useAccessPoint(map);
  const surface = useSurface(map);
  const network = useNetworkInfo();
  const markets = useMemo(() => network.data?.markets ?? [], [network.data]);
  const scoring = useScoring();
  // A report shows the ranking with its stability (asked after the ranking, scoring-state.ts).
  const { result: ranked, stability } = scoring.state;
  const reportRanking = useMemo(() => rankingWithStability({ result: ranked, stability }), [ranked, stability]);
  const roads = useRoadMap(map, !visibility.hidden.has(ROAD_LAYER_KEY));
  const selection = useMapSelection({ onFeature: access.clear });
  const placement = useSitePlacement(scoring, selection.setCandidate);
  useMapClicks(map, {
    pendingSite: placement.pending,
    placeSite: placement.place,
    chooseCandidate: selection.setCandidate,
    clickEmpty: (at) => {
      selection.clearFeature();
      roads.clear();
      access.pick(at);
    },
    clickRoad: (road) => {
      selection.clearFeature();
      access.clear();
      roads.select(road);
    },
  });
  const uncertainty = useUncertainty(scoring);
  useRankingLayer(map, scoring.state.result, selection.candidate, uncertainty.mapMode ? uncertainty.ranges : null);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const importDialog = useRef<ImportDialogHandle>(null);
  const [report, setReport] = useState<{ mapImage: string | null } | null>(null);
  const yearCompare = useYearCompareRequest();
  const [yearReport, setYearReport] = useState<{ result: CompareNetworksResult; park: string; mapImage: string | null } | null>(null);
  const exitPresentation = useCallback(() => {
    presentationLayers.restore();
    onPresent(null);
  }, [presentationLayers, onPresent]);
  // Stable between rankings, so the ranking table (memoised) does not re-render for unrelated state.
  const { setCandidate } = selection;
  const chooseCandidate = useCallback(
    (id: string) => {
      setCandidate(id);
      const c = ranked?.candidates.find((x) => x.id === id);
      if (c) easeToPosition(mapRef.current, c.position);
    },
    [setCandidate, ranked, mapRef],
  );
  const loading = <p className="loading">{t('app.loading')}</p>;
  const secondPass = useSecondPass();

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
        importDialog.current?.load(f);
      }}
    >
      <ReferenceLayers
        map={map}
        layers={layers}
        language={language}
        hiddenLayers={visibility.hidden}
        hiddenSubkinds={visibility.hiddenSubkinds}
        onSelect={selection.selectFeature}
      />
      <UserLayers map={map} layers={layers} hidden={visibility.hidden} />
      <aside className="side-panel">
        {secondPass && (
          <>
            <SearchBox onChoose={(hit) => flyToPlace(mapRef.current, hit)} />
            <Guard area="access-panel">
              <AccessPanel
                surface={surface.state}
                markets={markets}
                assumptions={network.data?.assumptions}
                onRun={(target, label, cellKm) => void surface.run(target, label, cellKm)}
                onCancel={surface.cancel}
                onClear={surface.clear}
              />
            </Guard>
            <Guard area="road-network">
              <RoadNetworkPanel />
            </Guard>
            <Guard area="years">
              <YearSlider />
            </Guard>
            <Guard area="osm-matches">
              <OsmMatchList />
            </Guard>
            <Guard area="layers">
              <LayerPanel
                layers={layers}
                hidden={visibility.hidden}
                hiddenSubkinds={visibility.hiddenSubkinds}
                onToggle={visibility.toggle}
                onToggleSubkind={visibility.toggleSubkind}
                onImport={() => setImportOpen(true)}
                map={map}
              />
            </Guard>
            <div className="panel-actions">
              <button type="button" onClick={() => mapRef.current?.fitBounds(info.reference.zoneBounds, { padding: 24 })}>
                {t('map.resetView')}
              </button>
              <button type="button" onClick={() => setAboutOpen(true)}>
                {t('about.open')}
              </button>
            </div>
          </>
        )}
      </aside>
      <main className="map-area">
        <MapView
          zoneBounds={info.reference.zoneBounds}
          maxBounds={info.reference.bounds}
          minzoom={info.reference.minzoom}
          maxzoom={info.reference.maxzoom}
          language={language}
          hiddenLayers={visibility.hiddenStyleLayers}
          firstViewSources={firstViewSources}
          onPointer={onPointer}
          onReady={onReady}
          onFirstIdle={prefetchAfterFirstView}
        />
        {selection.feature && (
          <Guard area="info-card" key={String(selection.feature.properties['id'])} onClose={selection.clearFeature}>
            <InfoCard feature={selection.feature} map={map} onClose={selection.clearFeature} />
          </Guard>
        )}
        {!selection.feature && roads.target && (
          <Guard area="road-card" key={`${roads.target.kind}/${roads.target.id}`} onClose={roads.clear}>
            <RoadCard target={roads.target} onClose={roads.clear} />
          </Guard>
        )}
        {!selection.feature && access.point && !scoringOpen && (
          <Guard area="access-card" onClose={access.clear}>
            <AccessCard point={access.point} markets={markets} onIsochrones={access.drawIsochrones} onClose={access.clear} />
          </Guard>
        )}
        {scoringOpen && (
          <Guard area="scoring" onClose={onCloseScoring}>
            <Suspense fallback={loading}>
              <ScoringPanel
                scoring={scoring}
                selected={selection.candidate}
                onSelect={chooseCandidate}
                addingSite={placement.pending !== null}
                onAddSite={placement.setPending}
                onClose={onCloseScoring}
                placeError={placement.error}
                onReport={() => void mapSnapshot(mapRef.current).then((mapImage) => setReport({ mapImage }))}
                layers={layers}
                onImport={() => setImportOpen(true)}
                uncertainty={uncertainty}
              />
            </Suspense>
          </Guard>
        )}
        {yearCompare && (
          <Guard area="year-compare" onClose={closeYearCompare}>
            <Suspense fallback={loading}>
              <YearComparePanel
                key={JSON.stringify(yearCompare)}
                request={yearCompare}
                scoring={scoring}
                map={map}
                onReport={(result, park) => void mapSnapshot(mapRef.current).then((mapImage) => setYearReport({ result, park, mapImage }))}
              />
            </Suspense>
          </Guard>
        )}
        {yearReport && (
          <Suspense fallback={loading}>
            <YearCompareReport {...yearReport} onClose={() => setYearReport(null)} />
          </Suspense>
        )}
        {report && reportRanking && (
          <Suspense fallback={loading}>
            <ReportView
              info={info}
              layers={layers}
              ranking={reportRanking}
              comparison={scoring.state.comparison}
              rankedInputs={scoring.state.rankedInputs}
              mapImage={report.mapImage}
              title={t('reports.documentTitle')}
              payload={selectPayload(scoring.state)}
              monteCarloSamples={MONTE_CARLO_SAMPLES}
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
            onLayers={presentationLayers.showOnly}
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
            visibleLayers={() => referenceIds.filter((id) => !visibility.hidden.has(id))}
            onStart={(tour, settings) => {
              onCloseSetup();
              onPresent({ tour, settings });
            }}
            onClose={onCloseSetup}
          />
        </Suspense>
      )}
      <StatusBar info={info} pointer={pointer} zoom={zoom} />
      {secondPass && (
        <>
          <AboutDialog info={info} open={aboutOpen} onClose={() => setAboutOpen(false)} />
          <ImportDialog ref={importDialog} open={importOpen} map={map} onClose={() => setImportOpen(false)} />
        </>
      )}
    </div>
  );
}

export function App({ initialLanguage }: { initialLanguage: Language }) {
  const { t } = useTranslation();
  const { language, switchLanguage } = useLanguage(initialLanguage);
  const [scoringOpen, setScoringOpen] = useState(false);
  const [setupOpen, setSetupOpen] = useState(false);
  const { presenting, setPresenting } = usePresenting();
  const [teamOpen, setTeamOpen] = useState(false);
  useTeamReconnect();
  const info = useAppInfo();
  const layers = useLayers();
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
          <button type="button" className="team-toggle" onClick={() => setTeamOpen(true)} data-testid="team-open">
            {t('team.open')}
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
          setupOpen={setupOpen}
          onCloseSetup={() => setSetupOpen(false)}
          presenting={presenting}
          onPresent={setPresenting}
          onSwitchLanguage={() => void switchLanguage()}
        />
      ) : (
        <p className="loading">{t('app.loading')}</p>
      )}
      {teamOpen && (
        <Guard area="team" onClose={() => setTeamOpen(false)}>
          <TeamDialog open={teamOpen} onClose={() => setTeamOpen(false)} />
        </Guard>
      )}
    </div>
  );
}
