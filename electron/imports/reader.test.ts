import { afterAll, describe, expect, it, vi } from 'vitest';
import { sheetXml, xlsxParts, zipOf } from '../../tests/helpers/hostile-files.ts';
import { callOk, tempBackend } from '../testing/temp-backend.ts';

// Counts the whole-file parses behind the API (issue 13: an XLSX was parsed for the preview and again for the import).
const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('./parse.ts', async (original) => {
  const actual = await original<typeof import('./parse.ts')>();
  return {
    ...actual,
    parseFile: (...args: Parameters<typeof actual.parseFile>) => {
      parses.count++;
      return actual.parseFile(...args);
    },
  };
});

const backend = tempBackend();
afterAll(() => backend.dispose());
const ok = <T>(method: string, args: unknown) => callOk<T>(backend, method, args);

describe('a file read whole is parsed once for its preview and its import', () => {
  const xlsx = zipOf(
    xlsxParts({
      name: '',
      data: Buffer.from(
        sheetXml([
          ['名称', '经度', '纬度'],
          ['测试地块', 112.6, 26.9],
        ]),
      ),
    }),
  );

  it.each(['staged', 'inline'] as const)('%s XLSX', async (how) => {
    let file: { uploadId: string } | { dataBase64: string };
    if (how === 'staged') {
      const { uploadId } = await ok<{ uploadId: string }>('beginUpload', { name: 'once.xlsx', size: xlsx.length });
      await ok('uploadChunk', { uploadId, offset: 0, dataBase64: xlsx.toString('base64') });
      file = { uploadId };
    } else file = { dataBase64: xlsx.toString('base64') };
    const before = parses.count;
    expect(await ok('previewImport', { name: 'once.xlsx', ...file })).toMatchObject({ features: 1, problems: [] });
    const { jobId } = await ok<{ jobId: string }>('startImport', { name: 'once.xlsx', ...file, layerName: 'once', role: 'reference' });
    await backend.context.jobs.finished(jobId);
    expect(await ok('importStatus', { jobId })).toMatchObject({ status: 'done', summary: { features: 1 } });
    expect(parses.count - before).toBe(1);
  });
});
