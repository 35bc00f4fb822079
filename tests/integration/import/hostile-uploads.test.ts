import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/services';
import { compoundFile, manyRows, randomJunk, sharedStringBomb, truncated, zipBomb } from '../../fixtures-src/import/hostile';
import { xlsxWorkbook } from '../../fixtures-src/import/workbooks';
import { openEncuentro } from '../encuentro/support';
import { buildScenario, generalPanel, type Scenario } from '../jury/scenario';
import { exportWorkbook } from '../jury/workbook-helpers';
import { backupNames, base64, fingerprint } from './import-app';

/**
 * The hostile files of hostile-files.test.ts, sent to the other services that read uploaded
 * spreadsheets: the Encuentro attendance roster and the jurors' offline workbooks. Each must end
 * in the same Spanish refusal as the entries import, and leave the database and the backups
 * folder exactly as they were.
 */

interface HostileCase {
  name: string;
  fileName: string;
  /** Built once and shared: the zip bomb and the million rows take a few seconds. */
  bytes: () => Promise<Buffer>;
  code: string;
  message: RegExp;
}

const once = <T>(make: () => Promise<T>): (() => Promise<T>) => {
  let made: Promise<T> | null = null;
  return () => (made ??= make());
};

const goodWorkbook = () => xlsxWorkbook({ name: 'Hoja', headers: ['Nombres y apellidos', 'DNI'], rows: [['Ana Quispe', '01234567']] });
const bomb = once(() => zipBomb());
const millionRows = once(() => manyRows(1_000_000));
const sharedBomb = once(() => sharedStringBomb(1024 * 1024, 3_000));

function cases(options: { maxRows: string; maxUncompressedMb: number; good: () => Promise<Buffer> }): HostileCase[] {
  return [
    {
      name: 'un .xlsx truncado (descarga interrumpida)',
      fileName: 'cortado.xlsx',
      bytes: async () => truncated(await options.good()),
      code: 'import.error.truncated',
      message: /^El archivo «cortado\.xlsx» está incompleto o dañado/,
    },
    {
      name: 'bytes al azar con extensión .xlsx',
      fileName: 'azar.xlsx',
      bytes: () => Promise.resolve(randomJunk()),
      code: 'import.error.notXlsx',
      message: /^El archivo «azar\.xlsx» no es un libro de Excel válido/,
    },
    {
      name: 'una bomba zip (1,4 MB que se expanden a 300 MB)',
      fileName: 'bomba.xlsx',
      bytes: bomb,
      code: 'import.error.zipBomb',
      message: new RegExp(`^El archivo «bomba\\.xlsx» ocupa más de ${options.maxUncompressedMb} MB al descomprimirse`),
    },
    {
      name: 'una hoja de 1 000 000 de filas',
      fileName: 'millon.xlsx',
      bytes: millionRows,
      code: 'import.error.tooManyRows',
      message: new RegExp(`^La hoja «Hoja1» tiene más de ${options.maxRows} filas con datos`),
    },
    {
      name: 'un texto compartido de 1 MB al que remiten 3 000 celdas',
      fileName: 'compartido.xlsx',
      bytes: sharedBomb,
      code: 'import.error.cellTooLong',
      message: /^La celda A2 de la hoja «Hoja1» tiene 1[.,\s]?048[.,\s]?576 caracteres; una celda admite como máximo 32[.,\s]?767/,
    },
    {
      name: 'un libro protegido con contraseña',
      fileName: 'protegido.xlsx',
      bytes: () => Promise.resolve(compoundFile()),
      code: 'import.error.encrypted',
      message: /^El libro «protegido\.xlsx» está protegido con contraseña/,
    },
    {
      name: 'un archivo vacío',
      fileName: 'vacio.xlsx',
      bytes: () => Promise.resolve(Buffer.alloc(0)),
      code: 'import.error.empty',
      message: /^El archivo está vacío\.$/,
    },
  ];
}

/** Runs every case against `send`, checking the database and backups are untouched at the end. */
function refusesAll(setup: () => Promise<{ app: TestApp; send: (fileName: string, dataBase64: string) => Promise<{ code: string; message: string }> }>, list: HostileCase[]) {
  let app: TestApp;
  let send: (fileName: string, dataBase64: string) => Promise<{ code: string; message: string }>;
  let before: string;
  let backups: string[];
  beforeAll(async () => {
    ({ app, send } = await setup());
    before = fingerprint(app.dbPath);
    backups = backupNames(app);
  });
  afterAll(() => app.close());

  for (const hostile of list) {
    it(`${hostile.name}: error en español, base de datos intacta`, async () => {
      const error = await send(hostile.fileName, base64(await hostile.bytes()));
      expect(error).toMatchObject({ code: hostile.code, message: expect.stringMatching(hostile.message) });
      expect(fingerprint(app.dbPath)).toBe(before);
      expect(backupNames(app)).toEqual(backups);
    });
  }
}

describe('importación de asistentes del Encuentro: archivos dañados u hostiles', () => {
  refusesAll(
    async () => {
      const f = await openEncuentro();
      // The writing method (it takes a backup and inserts people when the file is good).
      return { app: f.app, send: (fileName, dataBase64) => f.app.fail('encuentro.attendance.import', { encuentroId: f.encuentroId, fileName, dataBase64 }) };
    },
    cases({ maxRows: '5[.,\\s]?010', maxUncompressedMb: 200, good: goodWorkbook }),
  );
});

describe('fichas de jurado devueltas por correo: archivos dañados u hostiles', () => {
  let scenario: Scenario;
  let exported: Buffer | null = null;
  refusesAll(
    async () => {
      const app = await openTestApp({ now: () => new Date('2024-09-01T12:00:00.000Z') });
      scenario = await buildScenario(app);
      await generalPanel(app, scenario);
      await app.call('assignments.add', { stageId: scenario.evaluation, jurorId: scenario.jurors.beto, entryId: scenario.entries.ancash });
      exported = await exportWorkbook(app, scenario.evaluation, scenario.jurors.beto);
      const send = (fileName: string, dataBase64: string) =>
        app.fail('juryWorkbooks.preview', { stageId: scenario.evaluation, jurorId: scenario.jurors.beto, fileName, dataBase64 });
      return { app, send };
    },
    [
      ...cases({
        maxRows: '20[.,\\s]?000',
        maxUncompressedMb: 100,
        good: () => Promise.resolve(exported ?? Buffer.alloc(0)),
      }),
      {
        // Only .xlsx: the signed metadata sheet cannot travel in a CSV.
        name: 'un CSV en lugar de la ficha',
        fileName: 'ficha.csv',
        bytes: () => Promise.resolve(Buffer.from('Código;Innovación\n2024-002;3\n', 'utf8')),
        code: 'import.error.notXlsx',
        message: /^El archivo «ficha\.csv» no es un libro de Excel válido/,
      },
    ],
  );
});
