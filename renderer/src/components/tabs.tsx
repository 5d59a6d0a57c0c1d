/**
 * Tabs as WAI-ARIA describes them (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): one tab stop,
 * ← → (↑ ↓ for a vertical list) Home End move between tabs and choose at once, the panel follows.
 * Panels of tabs not chosen are not rendered, so a long form costs nothing while hidden.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<K extends string> {
  id: K;
  label: ReactNode;
}

export function Tabs<K extends string>({
  id,
  label,
  tabs,
  chosen,
  onChoose,
  children,
  className,
}: {
  /** Prefix of the tab and panel element ids (unique on the page). */
  id: string;
  /** What the tab list is, for screen readers. */
  label: string;
  tabs: readonly TabItem<K>[];
  chosen: K;
  onChoose(id: K): void;
  /** The chosen tab's panel. */
  children: ReactNode;
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
    const tab = tabs[next] as TabItem<K>;
    onChoose(tab.id);
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
            aria-controls={`${id}-panel`}
            tabIndex={tab.id === chosen ? 0 : -1}
            onClick={() => onChoose(tab.id)}
            onKeyDown={(e) => onKey(e, i)}
            data-testid={`${id}-tab-${tab.id}`}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${chosen}`} className="tab-panel">
        {children}
      </div>
    </div>
  );
}
