export * from './profile.ts';
export * from './measure.ts';
export * from './graph.ts';
export * from './build.ts';
export * from './clip.ts';
export * from './facilities.ts';
export * from './route.ts';
export * from './landmarks.ts';
