/**
 * Map symbols drawn at run time on a canvas and registered with `map.addImage`: no sprite file
 * and no request. Each is a filled disc or square with a glyph drawn from the system fonts.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

interface IconSpec {
  shape: 'circle' | 'square' | 'diamond';
  fill: string;
  stroke: string;
  glyph?: string;
  glyphColour?: string;
}

/** Icon ids used by the layer styles, and how each is drawn. */
export const ICONS: Record<string, IconSpec> = {
  'icon-airport': { shape: 'circle', fill: '#1f4e8c', stroke: '#ffffff', glyph: '✈', glyphColour: '#ffffff' },
  'icon-airport-hub': { shape: 'circle', fill: '#6b7f99', stroke: '#ffffff', glyph: '✈', glyphColour: '#ffffff' },
  'icon-bonded': { shape: 'square', fill: '#7b2d8e', stroke: '#ffffff', glyph: '保', glyphColour: '#ffffff' },
  'icon-port': { shape: 'circle', fill: '#1479a8', stroke: '#ffffff', glyph: '⚓', glyphColour: '#ffffff' },
  'icon-logistics': { shape: 'diamond', fill: '#b5651d', stroke: '#ffffff', glyph: '物', glyphColour: '#ffffff' },
  'icon-freight': { shape: 'square', fill: '#333333', stroke: '#ffffff', glyph: '货', glyphColour: '#ffffff' },
};

function draw(spec: IconSpec, pixelRatio: number): ImageData {
  const size = Math.round(26 * pixelRatio);
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  const c = size / 2;
  const r = size / 2 - 2 * pixelRatio;
  ctx.beginPath();
  if (spec.shape === 'circle') ctx.arc(c, c, r, 0, Math.PI * 2);
  else if (spec.shape === 'square') ctx.rect(c - r * 0.88, c - r * 0.88, r * 1.76, r * 1.76);
  else {
    ctx.moveTo(c, c - r);
    ctx.lineTo(c + r, c);
    ctx.lineTo(c, c + r);
    ctx.lineTo(c - r, c);
    ctx.closePath();
  }
  ctx.fillStyle = spec.fill;
  ctx.fill();
  ctx.lineWidth = 2 * pixelRatio;
  ctx.strokeStyle = spec.stroke;
  ctx.stroke();
  if (spec.glyph) {
    ctx.fillStyle = spec.glyphColour ?? '#fff';
    ctx.font = `${Math.round(14 * pixelRatio)}px 'Noto Sans CJK SC', 'DejaVu Sans', sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(spec.glyph, c, c + pixelRatio);
  }
  return ctx.getImageData(0, 0, size, size);
}

export function registerIcons(map: MapLibreMap): void {
  const pixelRatio = Math.max(1, Math.round(window.devicePixelRatio || 1));
  for (const [id, spec] of Object.entries(ICONS)) {
    if (!map.hasImage(id)) map.addImage(id, draw(spec, pixelRatio), { pixelRatio });
  }
}
