/**
 * The first view's label glyphs, drawn ahead of time.
 *
 * The style has no `glyphs` URL, so MapLibre draws every label glyph on the page's main thread with
 * TinySDF (one canvas `fillText`, a read-back and a distance transform per glyph). For the first
 * view that was ~150–200 ms of main-thread time on the critical path (issue 19: a CPU profile of a
 * cold load put `_getRasterizedGlyph` at 203 ms), and the switch to English drew the Latin set again.
 *
 * `scripts/build-label-glyphs.ts` records the glyphs MapLibre itself draws for the first view in
 * both languages (Debian's Chromium, fonts-noto-cjk: the font the style names) and writes them to
 * `label-glyphs.sdf.gz`. The early entry fetches that file while the main bundle downloads, and
 * {@link installLabelGlyphs} gives MapLibre's glyph manager a rasterizer that returns a recorded
 * glyph where one was recorded with the same options, and draws with MapLibre's own rasterizer
 * otherwise (any other text, or a file that has not arrived yet). A recorded glyph is the bytes
 * MapLibre drew, so the map looks the same either way on a machine with that font.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/** MapLibre's glyph manager (a public field of its Style; the class itself is not exported). */
type GlyphManager = MapLibreMap['style']['glyphManager'];
type CreateRasterizer = GlyphManager['createRasterizer'];
type Rasterizer = ReturnType<CreateRasterizer>;

/** What TinySDF's `draw` returns (`@mapbox/tiny-sdf` 2.x, the version MapLibre bundles). */
export interface SdfGlyph {
  data: Uint8ClampedArray;
  width: number;
  height: number;
  glyphWidth: number;
  glyphHeight: number;
  glyphTop: number;
  glyphLeft: number;
  glyphAdvance: number;
}

/** The TinySDF options MapLibre builds a rasterizer with (`_createTinySDF`). */
export type RasterizerOptions = Parameters<CreateRasterizer>[0];

/** Recorded glyphs: rasterizer key → character (grapheme cluster) → glyph. */
export type LabelGlyphs = Map<string, Map<string, SdfGlyph>>;

const FORMAT = 'siteselect-label-glyphs/1';
const METRICS = ['width', 'height', 'glyphWidth', 'glyphHeight', 'glyphTop', 'glyphLeft', 'glyphAdvance'] as const;

/** One rasterizer's identity: every option that changes what it draws. */
export function rasterizerKey(options: RasterizerOptions, padding: number): string {
  const { fontSize, buffer, radius, cutoff, fontFamily, fontWeight, fontStyle, lang } = options;
  return JSON.stringify([fontSize, buffer, radius, cutoff, fontFamily, fontWeight ?? null, fontStyle ?? null, lang ?? null, padding]);
}

interface Header {
  format: string;
  about: Record<string, string>;
  rasterizers: { key: string; glyphs: [string, ...number[]][] }[];
}

/**
 * The file's layout: a little-endian u32 header length, the header (UTF-8 JSON: each rasterizer's
 * key and, per glyph, its character, its seven metrics and its bitmap's byte offset), then the
 * bitmaps (one byte per pixel, `width × height`) back to back. `about` says where it came from.
 */
export function encodeLabelGlyphs(glyphs: LabelGlyphs, about: Record<string, string>): Uint8Array {
  const header: Header = { format: FORMAT, about, rasterizers: [] };
  const chunks: Uint8ClampedArray[] = [];
  let offset = 0;
  for (const [key, byChar] of glyphs) {
    const rows: [string, ...number[]][] = [];
    for (const [char, g] of byChar) {
      if (g.data.length !== g.width * g.height) throw new Error(`glyph ${char}: ${g.data.length} bytes for ${g.width}×${g.height}`);
      rows.push([char, ...METRICS.map((m) => g[m]), offset]);
      chunks.push(g.data);
      offset += g.data.length;
    }
    header.rasterizers.push({ key, glyphs: rows });
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(4 + json.length + offset);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 4);
  let at = 4 + json.length;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Reads {@link encodeLabelGlyphs}'s layout; throws, naming the problem, on anything else. */
export function decodeLabelGlyphs(bytes: Uint8Array): LabelGlyphs {
  if (bytes.length < 4) throw new Error('label glyphs: file too short');
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  if (4 + length > bytes.length) throw new Error('label glyphs: header runs past the end of the file');
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as Header;
  if (header.format !== FORMAT) throw new Error(`label glyphs: format ${String(header.format)}, expected ${FORMAT}`);
  const base = 4 + length;
  const out: LabelGlyphs = new Map();
  for (const { key, glyphs } of header.rasterizers) {
    const byChar = new Map<string, SdfGlyph>();
    for (const [char, width, height, glyphWidth, glyphHeight, glyphTop, glyphLeft, glyphAdvance, offset] of glyphs) {
      const start = base + (offset as number);
      const end = start + (width as number) * (height as number);
      if (end > bytes.length) throw new Error(`label glyphs: bitmap of ${char} runs past the end of the file`);
      byChar.set(char, {
        data: new Uint8ClampedArray(bytes.buffer, bytes.byteOffset + start, end - start),
        width: width as number,
        height: height as number,
        glyphWidth: glyphWidth as number,
        glyphHeight: glyphHeight as number,
        glyphTop: glyphTop as number,
        glyphLeft: glyphLeft as number,
        glyphAdvance: glyphAdvance as number,
      });
    }
    out.set(key, byChar);
  }
  return out;
}

/** What the page knows of the recorded glyphs; the e2e test and the generator read it. */
export interface LabelGlyphState {
  glyphs: LabelGlyphs | null;
  /** Glyphs answered from the file, and drawn because they were not in it. */
  hits: number;
  misses: number;
  /** Why the file could not be used, if it could not. */
  error?: string;
  /** Set by the generator: receives every glyph drawn (and makes every glyph drawn). */
  record?: (key: string, char: string, glyph: SdfGlyph) => void;
  /** MapLibre's own rasterizer factory, kept by {@link installLabelGlyphs} (the e2e test draws with it). */
  original?: CreateRasterizer;
}

declare global {
  var __siteselectLabelGlyphs: LabelGlyphState | undefined;
}

function state(): LabelGlyphState {
  return (globalThis.__siteselectLabelGlyphs ??= { glyphs: null, hits: 0, misses: 0 });
}

/** Fetches and reads the recorded glyphs (gzip). Called by the early entry; failures only fall back. */
export function startLabelGlyphs(url: string): void {
  const s = state();
  if (s.glyphs || s.record) return;
  fetch(url)
    .then((r) => {
      if (!r.ok || !r.body) throw new Error(`HTTP ${r.status}`);
      return new Response(r.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
    })
    .then((buffer) => {
      s.glyphs = decodeLabelGlyphs(new Uint8Array(buffer));
    })
    .catch((e: unknown) => {
      s.error = e instanceof Error ? e.message : String(e);
    });
}

/**
 * Wraps a glyph manager's rasterizer factory, `draw`: each rasterizer it makes answers a character
 * from the recorded glyphs of the same key where there is one, and otherwise draws it with the one `draw` builds
 * (created only on the first such character). The recorded set is looked up at draw time, so a
 * file that arrives after the map starts is used from then on.
 */
export function cachedRasterizers(draw: CreateRasterizer, s: LabelGlyphState = state()): CreateRasterizer {
  return (options, padding) => {
    const key = rasterizerKey(options, padding);
    let own: Rasterizer | null = null;
    const drawn = (char: string): SdfGlyph => (own ??= draw(options, padding)).draw(char);
    const rasterizer = {
      buffer: padding,
      draw(char: string): SdfGlyph {
        const hit = s.record ? undefined : s.glyphs?.get(key)?.get(char);
        if (hit) {
          s.hits += 1;
          return { ...hit, data: hit.data.slice() };
        }
        s.misses += 1;
        const glyph = drawn(char);
        s.record?.(key, char, glyph);
        return glyph;
      },
    };
    // MapLibre calls only `draw` on a rasterizer (and its default factory sets `buffer`); the rest
    // of TinySDF's fields belong to the real one, built on the first miss.
    return rasterizer as unknown as Rasterizer;
  };
}

/** Gives a map's glyph manager the recorded glyphs (see the module comment). */
export function installLabelGlyphs(glyphManager: GlyphManager): void {
  const original = glyphManager.createRasterizer.bind(glyphManager);
  state().original = original;
  glyphManager.createRasterizer = cachedRasterizers(original);
}
