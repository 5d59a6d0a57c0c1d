export * from './ahp.ts';
export * from './topsis.ts';
export * from './wsm.ts';
