/**
 * Tabs as WAI-ARIA describes them (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): one tab stop,
 * ← → (↑ ↓ too) Home End move between tabs and choose at once, the panel follows. A panel is
 * rendered only while its tab is chosen, unless `keepMounted` (a form whose typing must survive a
 * look at another tab; it is then hidden, not removed).
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<K extends string> {
  id: K;
  label: ReactNode;
  panel: ReactNode;
  keepMounted?: boolean;
}

export function Tabs<K extends string>({
  id,
  label,
  tabs,
  chosen,
  onChoose,
  className,
}: {
  /** Prefix of the tab and panel element ids and test ids (unique on the page). */
  id: string;
  /** What the tab list is, for screen readers. */
  label: string;
  tabs: readonly TabItem<K>[];
  chosen: K;
  onChoose(id: K): void;
  className?: string;
}) {
  const list = useRef<HTMLDivElement>(null);
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    let next: number | null = null;
    if (e.key in step) next = (index + (step[e.key] as number) + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next === null) return;
    e.preventDefault();
    onChoose((tabs[next] as TabItem<K>).id);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <div className={`tabs ${className ?? ''}`}>
      <div role="tablist" aria-label={label} className="tab-list" ref={list}>
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`${id}-tab-${tab.id}`}
            aria-selected={tab.id === chosen}
            aria-controls={`${id}-panel-${tab.id}`}
            tabIndex={tab.id === chosen ? 0 : -1}
            onClick={() => onChoose(tab.id)}
            onKeyDown={(e) => onKey(e, i)}
            data-testid={`${id}-tab-${tab.id}`}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) =>
        tab.id === chosen || tab.keepMounted ? (
          <div
            key={tab.id}
            role="tabpanel"
            id={`${id}-panel-${tab.id}`}
            aria-labelledby={`${id}-tab-${tab.id}`}
            className="tab-panel"
            hidden={tab.id !== chosen}
            data-testid={`${id}-panel-${tab.id}`}
          >
            {tab.panel}
          </div>
        ) : null,
      )}
    </div>
  );
}
