import { describe, expect, it } from 'vitest';
import { CONTRACT, FILE_METHODS, WRITE_METHODS } from './api.ts';
import { METHOD_NAMES } from './methods.ts';

describe('contract', () => {
  it('has a schema for every method name and nothing else', () => {
    expect(Object.keys(CONTRACT).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('derives the write-lock and large-body lists from the methods’ flags', () => {
    // The list the lock used before issue 12, kept by hand; now derived from `writes: true`.
    expect([...WRITE_METHODS].sort()).toEqual(
      [
        'updateSettings',
        'addCandidateSite',
        'deleteCandidateSite',
        'renameLayer',
        'setLayerStyle',
        'deleteLayer',
        'addBasemap',
        'removeBasemap',
        'saveScenario',
        'openScenario',
        'duplicateScenario',
        'renameScenario',
        'deleteScenario',
        'importProject',
        'saveTour',
        'deleteTour',
        'saveCustomCriterion',
        'criterionFromLayer',
        'deleteCustomCriterion',
        'useNetwork',
      ].sort(),
    );
    expect([...FILE_METHODS].sort()).toEqual(['previewImport', 'startImport', 'uploadChunk']);
  });
});
