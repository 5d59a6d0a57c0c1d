import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../handlers/index.ts';
import { tempBackend, tempDir } from '../testing/temp-backend.ts';
import { MAX_STAGED_UPLOADS, STAGED_IDLE_MS, Uploads } from './uploads.ts';

const backend = tempBackend();
afterAll(() => backend.dispose());
const call = (method: string, args: unknown) => dispatch(backend.api, method, args);
const staged = () => readdirSync(join(backend.dataDir, 'uploads'));

describe('staged uploads are capped, expire, and take only base64 (issue 13 item 16)', () => {
  it('300 beginUpload calls leave at most the cap of staged files, and the rest are refused by name', async () => {
    const answers = [];
    for (let i = 0; i < 300; i++) answers.push(await call('beginUpload', { name: `f${i}.csv`, size: 100 }));
    expect(answers.filter((a) => a.ok)).toHaveLength(MAX_STAGED_UPLOADS);
    expect(answers[MAX_STAGED_UPLOADS]).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(/16 files are staged already; finish or discard one/) },
    });
    expect(staged()).toHaveLength(MAX_STAGED_UPLOADS);
    for (const a of answers) if (a.ok) await call('discardUpload', { uploadId: (a.result as { uploadId: string }).uploadId });
    expect(staged()).toEqual([]);
  });

  it('an upload left idle expires when another begins, and its file is removed', () => {
    const dir = tempDir('siteselect-expiry-');
    try {
      let now = 1_000_000;
      const uploads = new Uploads(dir.dir, () => now);
      const { uploadId } = uploads.begin('idle.csv', 10);
      now += STAGED_IDLE_MS + 1;
      uploads.begin('next.csv', 10);
      expect(uploads.filesOnDisk()).toHaveLength(1);
      expect(() => uploads.append(uploadId, 0, new Uint8Array(1))).toThrow(
        /no upload .* \(it was finished, discarded, left idle for an hour, or the app restarted\)/,
      );
    } finally {
      dir.remove();
    }
  });

  it('refuses chunks and inline files that are not base64, naming the field', async () => {
    const begun = await call('beginUpload', { name: 'b.csv', size: 3 });
    const { uploadId } = begun.ok ? (begun.result as { uploadId: string }) : { uploadId: '' };
    for (const dataBase64 of ['not base64!!', 'YWJ', 'YW=j', '😀😀😀😀'])
      expect(await call('uploadChunk', { uploadId, offset: 0, dataBase64 })).toMatchObject({
        ok: false,
        error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(/dataBase64: not base64/) },
      });
    expect(await call('uploadChunk', { uploadId, offset: 0, dataBase64: 'YWJj' })).toMatchObject({
      ok: true,
      result: { received: 3, complete: true },
    });
    expect(await call('previewImport', { name: 'x.csv', dataBase64: 'bmFtZSxsbmcsbGF0%%%' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(/dataBase64: not base64/) },
    });
  });
});
