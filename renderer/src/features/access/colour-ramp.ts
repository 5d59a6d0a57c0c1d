/**
 * Colour ramp for travel-time surfaces and isochrones: short times dark green, long times
 * light yellow to red, readable on the pale basemap and for colour-blind viewers (viridis-like
 * luminance order, sampled from the matplotlib "YlGnBu" reversed family).
 */
export const RAMP_STOPS: readonly { minutes: number; colour: [number, number, number] }[] = [
  { minutes: 0, colour: [8, 64, 129] },
  { minutes: 30, colour: [34, 94, 168] },
  { minutes: 60, colour: [29, 145, 192] },
  { minutes: 90, colour: [65, 182, 196] },
  { minutes: 120, colour: [127, 205, 187] },
  { minutes: 180, colour: [199, 233, 180] },
  { minutes: 240, colour: [237, 248, 177] },
  { minutes: 360, colour: [254, 217, 118] },
  { minutes: 480, colour: [240, 59, 32] },
];

export function colourFor(minutes: number): [number, number, number] {
  const stops = RAMP_STOPS;
  if (!(minutes > 0)) return (stops[0] as { colour: [number, number, number] }).colour;
  for (let i = 1; i < stops.length; i++) {
    const hi = stops[i] as { minutes: number; colour: [number, number, number] };
    const lo = stops[i - 1] as { minutes: number; colour: [number, number, number] };
    if (minutes <= hi.minutes) {
      const t = (minutes - lo.minutes) / (hi.minutes - lo.minutes);
      return [0, 1, 2].map((c) => Math.round((lo.colour[c] as number) + t * ((hi.colour[c] as number) - (lo.colour[c] as number)))) as [
        number,
        number,
        number,
      ];
    }
  }
  return (stops[stops.length - 1] as { colour: [number, number, number] }).colour;
}

export const cssColour = (minutes: number) => `rgb(${colourFor(minutes).join(',')})`;

/**
 * Paints a surface into an RGBA image whose rows are evenly spaced in Web-Mercator y, as an
 * image source expects (the grid's rows are evenly spaced in latitude; resampling avoids a
 * shift of up to ~3 km in the middle of the zone).
 */
export function paintSurface(
  minutes: Float32Array,
  grid: { west: number; north: number; dLng: number; dLat: number; nx: number; ny: number },
): { image: ImageData; bounds: [number, number, number, number] } {
  const south = grid.north - grid.ny * grid.dLat;
  const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const latOf = (y: number) => (360 / Math.PI) * Math.atan(Math.exp(y)) - 90;
  const yN = mercY(grid.north);
  const yS = mercY(south);
  const image = new ImageData(grid.nx, grid.ny);
  for (let r = 0; r < grid.ny; r++) {
    const lat = latOf(yN + ((r + 0.5) / grid.ny) * (yS - yN));
    const j = Math.min(grid.ny - 1, Math.max(0, Math.floor((grid.north - lat) / grid.dLat)));
    for (let i = 0; i < grid.nx; i++) {
      const v = minutes[j * grid.nx + i] as number;
      const o = (r * grid.nx + i) * 4;
      if (Number.isNaN(v)) continue;
      if (!Number.isFinite(v)) {
        image.data.set([120, 120, 120, 140], o);
        continue;
      }
      const [cr, cg, cb] = colourFor(v);
      image.data.set([cr, cg, cb, 200], o);
    }
  }
  return { image, bounds: [grid.west, south, grid.west + grid.nx * grid.dLng, grid.north] };
}
