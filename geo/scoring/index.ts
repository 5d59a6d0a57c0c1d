export * from './criteria.ts';
export * from './score.ts';
export * from './move-up.ts';
export * from './uncertainty.ts';
export * from './gap.ts';
export * from './ledger.ts';
