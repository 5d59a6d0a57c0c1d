import { describe, expect, it } from 'vitest';
import { CONTRACT, FILE_METHODS, WRITE_METHODS } from './api.ts';
import { METHOD_NAMES } from './methods.ts';

describe('contract', () => {
  it('has a schema for every method name and nothing else', () => {
    expect(Object.keys(CONTRACT).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('derives the write-lock and large-body lists from the methods’ flags', () => {
    // The list the lock used before issue 12, kept by hand; now derived from `writes: true`.
    // The list the lock used before issue 12, kept by hand, is now derived from `writes: true`.
    const before = [
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
    ];
    expect(WRITE_METHODS).toEqual(expect.arrayContaining(before));
    // Methods added since, which write the user database too.
    expect(WRITE_METHODS).toEqual(
      expect.arrayContaining(['saveCustomCriterion', 'deleteCustomCriterion', 'useNetwork', 'setParkPosition', 'resetParkPosition']),
    );
    // Reads never take the lock.
    for (const read of ['listLayers', 'scoreSites', 'route', 'listParkCorrections', 'roadNetworkInfo'])
      expect(WRITE_METHODS).not.toContain(read);
    expect([...FILE_METHODS].sort()).toEqual(['previewImport', 'sealPdf', 'startImport', 'uploadChunk']);
  });
});
