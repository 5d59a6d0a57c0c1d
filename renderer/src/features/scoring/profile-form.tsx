/** The enterprise profile: industry and sub-line, freight modes, markets, needs and hard limits. */
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../electron/contract/api.ts';
import { localName } from '../../../../geo/local-name.ts';

type Taxonomy = { id: string; name_zh: string; name_en: string; sublines: { id: string; name_zh: string; name_en: string }[] }[];

function Importance({ label, value, onChange, testId }: { label: string; value: number; onChange(v: number): void; testId: string }) {
  return (
    <label className="importance">
      <span>{label}</span>
      <input
        type="range"
        min={0}
        max={5}
        step={1}
        value={value}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
        data-testid={testId}
        aria-valuetext={String(value)}
      />
      <output>{value}</output>
    </label>
  );
}

export function ProfileForm({
  profile,
  taxonomy,
  presets,
  onPreset,
  onChange,
}: {
  profile: Profile;
  taxonomy: Taxonomy;
  presets: { id: string; name_zh: string; name_en: string }[];
  onPreset(id: string): void;
  onChange(p: Profile): void;
}) {
  const { t, i18n } = useTranslation();
  const industry = taxonomy.find((x) => x.id === profile.industry);
  const set = <K extends keyof Profile>(key: K, value: Profile[K]) => onChange({ ...profile, [key]: value });
  const limit = profile.limits.maxInterchangeMinutes ?? null;
  return (
    <fieldset className="profile-form">
      <legend>{t('scoring.profile')}</legend>
      <label className="field">
        <span>{t('scoring.preset')}</span>
        <select value={profile.industry} onChange={(e) => onPreset(e.currentTarget.value)} data-testid="profile-preset">
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {localName(p, i18n.language)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('scoring.subline')}</span>
        <select value={profile.subline ?? ''} onChange={(e) => set('subline', e.currentTarget.value || null)} data-testid="profile-subline">
          <option value="">{t('scoring.anySubline')}</option>
          {industry?.sublines.map((s) => (
            <option key={s.id} value={s.id}>
              {localName(s, i18n.language)}
            </option>
          ))}
        </select>
      </label>
      <div className="two-col">
        <label className="check">
          <input type="checkbox" checked={profile.exportOriented} onChange={(e) => set('exportOriented', e.currentTarget.checked)} />
          {t('scoring.exportOriented')}
        </label>
        <label className="check">
          <input type="checkbox" checked={profile.needsBondedZone} onChange={(e) => set('needsBondedZone', e.currentTarget.checked)} />
          {t('scoring.needsBonded')}
        </label>
        <label className="check">
          <input type="checkbox" checked={profile.staffHsr} onChange={(e) => set('staffHsr', e.currentTarget.checked)} />
          {t('scoring.staffHsr')}
        </label>
      </div>
      <p className="group-title">{t('scoring.freight')}</p>
      {(['road', 'rail', 'internationalRail', 'air', 'water'] as const).map((k) => (
        <Importance
          key={k}
          label={t(`scoring.freightModes.${k}`)}
          value={profile.freight[k]}
          onChange={(v) => set('freight', { ...profile.freight, [k]: v })}
          testId={`freight-${k}`}
        />
      ))}
      <p className="group-title">{t('scoring.markets')}</p>
      {(['gba', 'changsha', 'asean', 'europe'] as const).map((k) => (
        <Importance
          key={k}
          label={t(`scoring.marketNames.${k}`)}
          value={profile.markets[k]}
          onChange={(v) => set('markets', { ...profile.markets, [k]: v })}
          testId={`market-${k}`}
        />
      ))}
      <div className="two-col">
        <label className="field">
          <span>{t('scoring.workforce')}</span>
          <input
            type="number"
            min={0}
            step={50}
            value={profile.workforce}
            onChange={(e) => set('workforce', Math.max(0, Math.round(Number(e.currentTarget.value) || 0)))}
          />
        </label>
        <label className="field">
          <span>{t('scoring.pollution')}</span>
          <select
            value={profile.pollution}
            onChange={(e) => set('pollution', e.currentTarget.value as Profile['pollution'])}
            data-testid="profile-pollution"
          >
            {(['low', 'medium', 'high'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`scoring.pollutionLevels.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('scoring.minLevel')}</span>
          <select value={profile.minParkLevel} onChange={(e) => set('minParkLevel', e.currentTarget.value as Profile['minParkLevel'])}>
            {(['any', 'provincial', 'national'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`scoring.levels.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('scoring.maxInterchange')}</span>
          <input
            type="number"
            min={0}
            step={5}
            placeholder={t('scoring.noLimit')}
            value={limit ?? ''}
            onChange={(e) =>
              set('limits', {
                ...profile.limits,
                maxInterchangeMinutes: e.currentTarget.value === '' ? null : Math.max(1, Number(e.currentTarget.value)),
              })
            }
            data-testid="limit-interchange"
          />
        </label>
      </div>
    </fieldset>
  );
}
