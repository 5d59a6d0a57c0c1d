/**
 * Simple pictograms for the plan's ten key industries (drawn here, so no icon font or network is
 * needed). Unknown ids get a plain dot.
 */
const PATHS: Record<string, string> = {
  // gear
  equipment:
    'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zm9 5v-2l-2.2-.4a7 7 0 0 0-.8-1.9l1.3-1.8-1.4-1.4-1.8 1.3a7 7 0 0 0-1.9-.8L14 3h-2l-.4 2.2a7 7 0 0 0-1.9.8L7.9 4.7 6.5 6.1l1.3 1.8a7 7 0 0 0-.8 1.9L4.8 10v2l2.2.4c.2.7.4 1.3.8 1.9l-1.3 1.8 1.4 1.4 1.8-1.3c.6.4 1.2.6 1.9.8L12 19h2l.4-2.2c.7-.2 1.3-.4 1.9-.8l1.8 1.3 1.4-1.4-1.3-1.8c.4-.6.6-1.2.8-1.9z',
  // crystal lattice
  'new-materials': 'M12 2l8 5v10l-8 5-8-5V7zm0 3.3L7 8.5v7l5 3.2 5-3.2v-7z',
  // capsule
  biomedicine: 'M8.5 3.5a5 5 0 0 1 7 0 5 5 0 0 1 0 7l-5 5a5 5 0 0 1-7-7zm1.4 1.4L7.4 7.4l5.2 5.2 2.5-2.5a3 3 0 0 0-4.2-4.2z',
  // chip
  'next-gen-it': 'M7 7h10v10H7zM9 9v6h6V9zM9 3h2v3H9zm4 0h2v3h-2zM9 18h2v3H9zm4 0h2v3h-2zM3 9h3v2H3zm0 4h3v2H3zm15-4h3v2h-3zm0 4h3v2h-3z',
  // shirt
  'light-textiles': 'M8 3l4 2 4-2 5 4-3 3-2-1v12H8V9L6 10 3 7z',
  // pickaxe
  mining: 'M4 6c4-3 12-3 16 0l-1 1c-2-1-4-1.6-6-1.8L6 20l-2-2 7.2-12.8C9 5.4 7 6 5 7z',
  // truck
  logistics: 'M2 6h12v9H2zm12 3h4l3 3v3h-7zM6 16a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm11 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
  // heart
  'health-elderly-care': 'M12 21l-8-8a5 5 0 0 1 8-6 5 5 0 0 1 8 6z',
  // mountain
  'culture-tourism': 'M2 20l7-12 4 6 3-4 6 10z',
  // leaf
  'modern-agriculture': 'M20 4C10 4 4 9 4 16c0 1.5.3 2.8.8 4l1.7-1C9 14 12 11 16 9c-3 3-6 6-8 11h2c4-1 10-5 10-16z',
};

export function IndustryIcon({ id }: { id: string }) {
  return (
    <svg className="industry-icon" viewBox="0 0 24 24" width="48" height="48" aria-hidden="true">
      {PATHS[id] ? <path d={PATHS[id]} fill="currentColor" fillRule="evenodd" /> : <circle cx="12" cy="12" r="6" fill="currentColor" />}
    </svg>
  );
}
