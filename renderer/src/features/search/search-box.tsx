/**
 * Search places by Chinese name, pinyin (全拼 or initials) or English, and fly to the choice.
 * Keyboard: type, ↓/↑ to move, Enter to go, Escape to clear.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceHit } from '../../../../electron/contract/api.ts';
import { localName, localText } from '../../../../geo/local-name.ts';
import { useSearchPlaces } from '../../api/queries.ts';

/** Typing pauses this long before a search is sent. */
const DEBOUNCE_MS = 120;

/** `value`, once it has stayed the same for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function SearchBox({ onChoose }: { onChoose(hit: PlaceHit): void }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  /** Closed after a choice or Escape, until the next keystroke. */
  const [closed, setClosed] = useState(false);
  const asked = useDebounced(query.trim(), DEBOUNCE_MS);
  const search = useSearchPlaces(asked);
  useEffect(() => {
    if (search.error) console.warn('search failed', search.error);
  }, [search.error]);
  const hits = closed || query.trim() === '' ? [] : (search.data ?? []);
  /** The highlighted hit, for the answer it was moved in (a new answer starts at the first). */
  const [cursor, setCursor] = useState<{ for: PlaceHit[] | undefined; index: number }>({ for: undefined, index: 0 });
  const active = cursor.for === search.data ? cursor.index : 0;
  const setActive = (index: number) => setCursor({ for: search.data, index });
  const listId = useId();

  const choose = (hit: PlaceHit | undefined) => {
    if (!hit) return;
    onChoose(hit);
    setClosed(true);
    setQuery(localName(hit, i18n.language));
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
        onChange={(e) => (setQuery(e.currentTarget.value), setClosed(false))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive(Math.min(active + 1, hits.length - 1));
          else if (e.key === 'ArrowUp') setActive(Math.max(active - 1, 0));
          else if (e.key === 'Enter') choose(hits[active]);
          else if (e.key === 'Escape') {
            setQuery('');
            setClosed(true);
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
              <span className="hit-name">{localName(hit, i18n.language)}</span>
              {/* The name in the other language, then the detail in this one. */}
              <span className="hit-detail">{`${localName(hit, i18n.language === 'en' ? 'zh' : 'en')} · ${localText(hit, 'detail', i18n.language)}`}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
