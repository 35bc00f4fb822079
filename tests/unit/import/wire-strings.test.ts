import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { SheetRow } from '../../../electron/services/import/file/parse-types';
import { ENTRY_LIMITS } from '../../../electron/services/import/options';
import { readUpload } from '../../../electron/services/import/read-upload';
import { FileParser } from '../../../electron/services/import/run-parse';
import { SHARE_FROM_CHARS, StringPacker, StringUnpacker } from '../../../electron/services/import/wire-strings';
import { sharedStringBomb } from '../../fixtures-src/import/hostile';

describe('rows between the parser worker and the main side', () => {
  const long = 'Texto largo compartido por muchas celdas. '.repeat(700);

  it('send a long string once however many cells refer to it, and give every cell its text back', () => {
    const packer = new StringPacker();
    const unpacker = new StringUnpacker();
    const batches: SheetRow[][] = [
      [
        { row: 1, cells: ['Título', 'Resumen', 'Puntaje'] },
        { row: 2, cells: ['Práctica A', long, 3] },
      ],
      [
        { row: 3, cells: ['Práctica B', long, { error: '#N/A' }, null, true] },
        { row: 4, cells: ['x'.repeat(SHARE_FROM_CHARS - 1), long, long] },
      ],
    ];
    const packed = batches.map((rows) => packer.pack(rows));
    // The text itself travels in the first batch only; the second refers to it.
    expect(packed.map((batch) => batch.strings.length)).toEqual([1, 0]);
    expect(packed.map((batch) => unpacker.unpack(batch))).toEqual(batches);
  });

  it('keep what a batch costs to post proportional to the distinct text, not to the references', () => {
    const rows: SheetRow[] = Array.from({ length: 250 }, (_, i) => ({ row: i + 2, cells: Array.from({ length: 12 }, () => long) }));
    const expanded = v8.serialize(rows).length;
    const posted = v8.serialize(new StringPacker().pack(rows)).length;
    expect(expanded).toBeGreaterThan(250 * 12 * long.length);
    expect(posted).toBeLessThan(long.length + 100_000);
  });

  it('come out of the real worker with every reference resolved to its text', async () => {
    const parser = new FileParser({ heapMb: 256, maxConcurrent: 1, prewarm: false });
    const bytes = await sharedStringBomb(20_000, 1_000, 10);
    const parsed = await readUpload(parser, { fileName: 'compartido.xlsx', dataBase64: bytes.toString('base64') }, { limits: ENTRY_LIMITS, timeoutMs: 60_000 });
    const rows = parsed.sheets[0]?.rows ?? [];
    const cells = rows.slice(1).flatMap((row) => row.cells);
    expect(cells).toHaveLength(1_000);
    const text = cells[0];
    expect(typeof text === 'string' && text.length).toBe(20_000);
    expect(cells.every((cell) => cell === text)).toBe(true);
  });
});
