import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../../../shared/contract/upload';
import { compoundFile, hugeCell, lyingZipBomb, manyColumns, manyRows, randomJunk, sharedStringBomb, truncated, unsafeEntryName, zipBomb } from '../../fixtures-src/import/hostile';
import { xlsxWorkbook } from '../../fixtures-src/import/workbooks';
import { backupNames, base64, fingerprint, IMPORT_TEST_TIMEOUT_MS, openImportApp, type ImportApp } from './import-app';

/**
 * Each hostile file must end in its own Spanish error, database untouched. A reader that
 * never settled would end in the service's timeout error instead (a different code), so no
 * wall-clock limit is needed here: how fast the refusals are is measured by `npm run bench`.
 * The test limit leaves room for the service's timeout on a loaded machine.
 */
describe('archivos dañados u hostiles', { timeout: 4 * IMPORT_TEST_TIMEOUT_MS }, () => {
  let app: ImportApp;
  let before: string;
  let backups: string[];
  beforeAll(async () => {
    app = await openImportApp({ ugels: false });
    before = fingerprint(app.dbPath);
    backups = backupNames(app);
  });
  afterAll(() => {
    // Nothing any of them did reached the database or took a backup.
    expect(fingerprint(app.dbPath)).toBe(before);
    expect(backupNames(app)).toEqual(backups);
    app.close();
  });

  async function refusal(bytes: Buffer, fileName: string): Promise<{ code: string; message: string }> {
    return app.fail('imports.inspect', { editionId: app.editionId, fileName, dataBase64: base64(bytes) });
  }

  it('un .xlsx truncado (descarga interrumpida)', async () => {
    const good = await xlsxWorkbook({ name: 'Hoja', headers: ['Título', 'IGED'], rows: [['Práctica', 'DRE Puno']] });
    const error = await refusal(truncated(good), 'cortado.xlsx');
    expect(error).toMatchObject({ code: 'import.error.truncated', message: expect.stringMatching(/^El archivo «cortado\.xlsx» está incompleto o dañado/) });
  });

  it('un .xlsx con partes internas cuya ruta sale del libro («../», absoluta)', async () => {
    for (const name of ['../evil.xml', '/xl/evi.xml', '..\\evil.xml']) {
      const error = await refusal(await unsafeEntryName(name), 'escapa.xlsx');
      expect(error).toMatchObject({
        code: 'import.error.unsafeEntryName',
        message: expect.stringMatching(/^El archivo «escapa\.xlsx» no es seguro y no se leyó: contiene una parte interna con una ruta que apunta fuera del libro/),
      });
      expect(error.message).not.toMatch(/descarga interrumpida/);
    }
  });

  it('bytes al azar con extensión .xlsx', async () => {
    const error = await refusal(randomJunk(), 'azar.xlsx');
    expect(error).toMatchObject({ code: 'import.error.notXlsx', message: expect.stringMatching(/no es un libro de Excel válido/) });
  });

  it('una bomba zip (1,4 MB que se expanden a 300 MB)', async () => {
    const bomb = await zipBomb();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const error = await refusal(bomb, 'bomba.xlsx');
    expect(error).toMatchObject({ code: 'import.error.zipBomb', message: expect.stringMatching(/ocupa más de 200 MB al descomprimirse/) });
  });

  it('una bomba zip que miente sobre su tamaño en el directorio central', async () => {
    const error = await refusal(await lyingZipBomb(), 'mentirosa.xlsx');
    expect(error.code).toBe('import.error.zipBomb');
  });

  it('una hoja de 1 000 000 de filas se detiene en el tope de filas', async () => {
    const error = await refusal(await manyRows(1_000_000), 'millon.xlsx');
    expect(error).toMatchObject({ code: 'import.error.tooManyRows', message: expect.stringMatching(/^La hoja «Hoja1» tiene más de 20[.,\s]?010 filas con datos/) });
  });

  it('un texto compartido de 1 MB al que remiten 3 000 celdas, enviado dos veces', async () => {
    const bomb = await sharedStringBomb(1024 * 1024, 3_000);
    expect(bomb.length).toBeLessThan(800 * 1024);
    // Twice, as the user who tries again would: the first refusal must leave nothing behind.
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await refusal(bomb, 'compartido.xlsx');
      expect(error).toMatchObject({
        code: 'import.error.cellTooLong',
        message: expect.stringMatching(/^La celda A2 de la hoja «Hoja1» tiene 1[.,\s]?048[.,\s]?576 caracteres; una celda admite como máximo 32[.,\s]?767 \(el límite de Excel\)/),
      });
    }
  });

  it('una celda de 150 MB en un archivo de menos de 1 MB', async () => {
    const file = await hugeCell(150 * 1024 * 1024);
    expect(file.length).toBeLessThan(1024 * 1024);
    const error = await refusal(file, 'celda.xlsx');
    expect(error).toMatchObject({ code: 'import.error.cellTooLong', message: expect.stringMatching(/^La celda A2 de la hoja «Hoja1» tiene 157[.,\s]?286[.,\s]?400 caracteres/) });
  });

  it('un CSV con una celda más larga de lo que Excel admite', async () => {
    const csv = Buffer.from(`Título,IGED\r\nPráctica,DRE Puno\r\nOtra,${'a'.repeat(40_000)}\r\n`, 'utf8');
    const error = await refusal(csv, 'largo.csv');
    expect(error).toMatchObject({ code: 'import.error.cellTooLong', message: expect.stringMatching(/^La celda B3 de la hoja «largo» tiene 40[.,\s]?000 caracteres/) });
  });

  it('un texto de 30 000 caracteres repetido en 2 000 celdas supera el total de texto', async () => {
    const error = await refusal(await sharedStringBomb(30_000, 2_000, 20), 'repetido.xlsx');
    expect(error).toMatchObject({
      code: 'import.error.tooMuchText',
      message: expect.stringMatching(/^El archivo «repetido\.xlsx» tiene más de 50 millones de caracteres de texto una vez leído/),
    });
  });

  it('un archivo vacío', async () => {
    const error = await refusal(Buffer.alloc(0), 'vacio.xlsx');
    expect(error).toMatchObject({ code: 'import.error.empty', message: 'El archivo está vacío.' });
  });

  it('un libro protegido con contraseña', async () => {
    const error = await refusal(compoundFile(), 'protegido.xlsx');
    expect(error).toMatchObject({ code: 'import.error.encrypted', message: expect.stringMatching(/^El libro «protegido\.xlsx» está protegido con contraseña/) });
  });

  it('un .xls del formato antiguo', async () => {
    const error = await refusal(compoundFile(['Workbook']), 'antiguo.xls');
    expect(error).toMatchObject({ code: 'import.error.legacyXls', message: expect.stringMatching(/formato antiguo de Excel \(\.xls\)/) });
  });

  it('demasiadas columnas', async () => {
    const error = await refusal(await manyColumns(250), 'ancho.xlsx');
    expect(error).toMatchObject({ code: 'import.error.tooManyColumns', message: expect.stringMatching(/más de 200 columnas/) });
  });

  it('un archivo que supera el tope de tamaño', async () => {
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1);
    big.write('PK\x03\x04', 'latin1');
    const error = await refusal(big, 'grande.xlsx');
    expect(error).toMatchObject({ code: 'import.error.tooLarge', message: 'El archivo pesa 25 MB; el máximo permitido es 25 MB.' });
    const huge = await app.fail('imports.inspect', { editionId: app.editionId, fileName: 'enorme.xlsx', dataBase64: 'A'.repeat(40 * 1024 * 1024) });
    expect(huge.message).toBe('Revise los datos ingresados: El archivo supera el máximo permitido de 25 MB.');
  });

  it('un CSV que en realidad es binario, y un formato desconocido', async () => {
    expect((await refusal(randomJunk(), 'datos.csv')).code).toBe('import.error.notText');
    expect((await refusal(Buffer.from('hola'), 'datos.pdf')).code).toBe('import.error.unsupportedFormat');
  });

  it('la lectura que excede el tiempo máximo se cancela', async () => {
    const slow = await openImportApp({ ugels: false, entriesTimeoutMs: 1 });
    try {
      const bytes = await xlsxWorkbook({ name: 'Hoja', headers: ['Título', 'IGED'], rows: [['Práctica', 'DRE Puno']] });
      const error = await slow.fail('imports.inspect', { editionId: slow.editionId, fileName: 'lento.xlsx', dataBase64: base64(bytes) });
      expect(error).toMatchObject({ code: 'import.error.timeout', message: expect.stringMatching(/^La lectura del archivo «lento\.xlsx» superó el tiempo máximo \(1 s\) y se canceló/) });
    } finally {
      slow.close();
    }
  });
});
