export * from './lnglat.ts';
export * from './tiles.ts';
export * from './zone.ts';
