/**
 * Search places by Chinese name, pinyin (全拼 or initials) or English, and fly to the choice.
 * Keyboard: type, ↓/↑ to move, Enter to go, Escape to clear.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceHit } from '../../../../electron/contract/api.ts';
import { call } from '../../api/client.ts';

export function SearchBox({ onChoose }: { onChoose(hit: PlaceHit): void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<PlaceHit[]>([]);
  const [active, setActive] = useState(0);
  const listId = useId();

  useEffect(() => {
    let live = true;
    const q = query.trim();
    const timer = setTimeout(() => {
      if (q === '') {
        setHits([]);
        return;
      }
      call('searchPlaces', { query: q, limit: 10 })
        .then((r) => {
          if (!live) return;
          setHits(r);
          setActive(0);
        })
        .catch((e: unknown) => console.warn('search failed', e));
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  const choose = (hit: PlaceHit | undefined) => {
    if (!hit) return;
    onChoose(hit);
    setHits([]);
    setQuery(en ? hit.name_en : hit.name_zh);
  };

  return (
    <div className="search" role="search">
      <input
        type="search"
        value={query}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={hits[active] ? `${listId}-${active}` : undefined}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') choose(hits[active]);
          else if (e.key === 'Escape') {
            setQuery('');
            setHits([]);
            return;
          } else return;
          e.preventDefault();
        }}
        data-testid="search-input"
      />
      {hits.length > 0 && (
        <ul id={listId} role="listbox" className="search-results" data-testid="search-results">
          {hits.map((hit, i) => (
            <li
              key={`${hit.layer}:${hit.id}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(hit);
              }}
            >
              <span className="hit-name">{en ? hit.name_en : hit.name_zh}</span>
              <span className="hit-detail">{en ? `${hit.name_zh} · ${hit.detail_en}` : `${hit.name_en} · ${hit.detail_zh}`}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
