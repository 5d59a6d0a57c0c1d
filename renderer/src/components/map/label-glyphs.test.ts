import { describe, expect, it } from 'vitest';
import {
  cachedRasterizers,
  decodeLabelGlyphs,
  encodeLabelGlyphs,
  rasterizerKey,
  type LabelGlyphState,
  type LabelGlyphs,
  type RasterizerOptions,
  type SdfGlyph,
} from './label-glyphs.ts';

const OPTIONS: RasterizerOptions = {
  fontSize: 48,
  buffer: 6,
  radius: 16,
  cutoff: 0.25,
  fontFamily: "'Noto Sans CJK SC Regular',sans-serif",
  fontWeight: '400',
  fontStyle: 'normal',
  lang: 'zh-CN',
};

function glyph(seed: number, width = 3, height = 2): SdfGlyph {
  return {
    data: Uint8ClampedArray.from({ length: width * height }, (_, i) => (seed * 31 + i) % 256),
    width,
    height,
    glyphWidth: width - 1,
    glyphHeight: height - 1,
    glyphTop: 40 + seed,
    glyphLeft: -1,
    glyphAdvance: 47.5 + seed / 8,
  };
}

function recorded(): LabelGlyphs {
  return new Map([
    [
      rasterizerKey(OPTIONS, 6),
      new Map([
        ['衡', glyph(1)],
        ['阳', glyph(2, 4, 4)],
      ]),
    ],
    [rasterizerKey({ ...OPTIONS, fontWeight: '700' }, 6), new Map([['衡', glyph(3)]])],
  ]);
}

/** A stand-in for MapLibre's factory: counts rasterizers built and characters drawn. */
function drawingFactory() {
  const drawn: string[] = [];
  let built = 0;
  const factory = (() => {
    built += 1;
    return { draw: (char: string) => (drawn.push(char), glyph(9)) };
  }) as unknown as Parameters<typeof cachedRasterizers>[0];
  return { factory, drawn, built: () => built };
}

describe('label glyph file', () => {
  it('reads back what it wrote, bitmaps and fractional metrics included', () => {
    const glyphs = recorded();
    const back = decodeLabelGlyphs(encodeLabelGlyphs(glyphs, { what: 'test' }));
    expect([...back.keys()]).toEqual([...glyphs.keys()]);
    for (const [key, byChar] of glyphs) {
      for (const [char, g] of byChar) {
        const r = back.get(key)?.get(char);
        expect(r && { ...r, data: [...r.data] }).toEqual({ ...g, data: [...g.data] });
      }
    }
  });

  it('refuses a file that is not one, naming the problem', () => {
    const bytes = encodeLabelGlyphs(recorded(), {});
    expect(() => decodeLabelGlyphs(bytes.subarray(0, 2))).toThrow(/too short/);
    expect(() => decodeLabelGlyphs(bytes.subarray(0, 20))).toThrow(/header runs past/);
    expect(() => decodeLabelGlyphs(bytes.subarray(0, bytes.length - 1))).toThrow(/bitmap of .* runs past/);
    const other = encodeLabelGlyphs(new Map(), {});
    const text = new TextDecoder().decode(other.subarray(4)).replace('siteselect-label-glyphs/1', 'something-else/1');
    const json = new TextEncoder().encode(text);
    const wrong = new Uint8Array(4 + json.length);
    new DataView(wrong.buffer).setUint32(0, json.length, true);
    wrong.set(json, 4);
    expect(() => decodeLabelGlyphs(wrong)).toThrow(/format something-else\/1/);
  });
});

describe('cached rasterizers', () => {
  it('answer a recorded character from the file and draw any other one themselves', () => {
    const { factory, drawn, built } = drawingFactory();
    const state: LabelGlyphState = { glyphs: recorded(), hits: 0, misses: 0 };
    const rasterizer = cachedRasterizers(factory, state)(OPTIONS, 6);
    const hit = rasterizer.draw('衡');
    expect(hit.glyphTop).toBe(41);
    expect([...hit.data]).toEqual([...glyph(1).data]);
    expect(built()).toBe(0); // nothing drawn, so no canvas made
    rasterizer.draw('区');
    rasterizer.draw('县');
    expect(drawn).toEqual(['区', '县']);
    expect(built()).toBe(1);
    expect(state).toMatchObject({ hits: 1, misses: 2 });
  });

  it('hand out a copy, so a glyph drawn into the atlas cannot change the file', () => {
    const state: LabelGlyphState = { glyphs: recorded(), hits: 0, misses: 0 };
    const rasterizer = cachedRasterizers(drawingFactory().factory, state)(OPTIONS, 6);
    rasterizer.draw('衡').data.fill(0);
    expect([...rasterizer.draw('衡').data]).toEqual([...glyph(1).data]);
  });

  it('use a glyph only where every option matches: another weight, padding or font is drawn', () => {
    const { factory, drawn } = drawingFactory();
    const state: LabelGlyphState = { glyphs: recorded(), hits: 0, misses: 0 };
    const make = cachedRasterizers(factory, state);
    expect(make({ ...OPTIONS, fontWeight: '700' }, 6).draw('衡').glyphTop).toBe(43);
    make(OPTIONS, 4).draw('衡');
    make({ ...OPTIONS, fontFamily: 'serif' }, 6).draw('衡');
    make({ ...OPTIONS, fontWeight: '700' }, 6).draw('阳');
    expect(drawn).toEqual(['衡', '衡', '阳']);
  });

  it('use a file that arrives after the map started from then on', () => {
    const { factory, drawn } = drawingFactory();
    const state: LabelGlyphState = { glyphs: null, hits: 0, misses: 0 };
    const rasterizer = cachedRasterizers(factory, state)(OPTIONS, 6);
    rasterizer.draw('衡');
    state.glyphs = recorded();
    rasterizer.draw('阳');
    expect(drawn).toEqual(['衡']);
  });

  it('when recording, draw every glyph and hand each to the recorder', () => {
    const { factory, drawn } = drawingFactory();
    const seen: string[] = [];
    const state: LabelGlyphState = { glyphs: recorded(), hits: 0, misses: 0, record: (key, char) => seen.push(`${key} ${char}`) };
    cachedRasterizers(factory, state)(OPTIONS, 6).draw('衡');
    expect(drawn).toEqual(['衡']);
    expect(seen).toEqual([`${rasterizerKey(OPTIONS, 6)} 衡`]);
  });
});
