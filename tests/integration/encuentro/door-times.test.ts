import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDateTime, formatTime } from '../../../shared/i18n';
import { openEncuentro, type EncuentroFixture } from './support';

/**
 * The door at 9:15 in the morning in Lima is 14:15 UTC: the check-in times people read — in the
 * workbook and on screen — are Peru's, whatever the computer's clock is set to. And the roster
 * import's preview says who would be added by institution type, as the counts screen does.
 */
describe('the door: Peru’s time, and the roster preview by institution type', () => {
  let f: EncuentroFixture;
  beforeEach(async () => {
    f = await openEncuentro({ now: () => new Date('2024-11-20T14:15:03Z') });
  });
  afterEach(() => f.app.close());

  it('writes check-in times in the workbook as Lima’s wall clock', async () => {
    await f.app.call('encuentro.attendance.register', { encuentroId: f.encuentroId, fields: { fullName: 'Ana Quispe', institutionType: 'ugel' }, checkIn: true });
    const file = await f.app.call('encuentro.export.xlsx', { encuentroId: f.encuentroId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets.find((ws) => ws.getRow(1).values?.toString().includes('Hora de registro'))!;
    expect(sheet).toBeDefined();
    const row = sheet.getRow(2);
    const value = row.getCell(8).value;
    expect(value).toBeInstanceOf(Date);
    // A spreadsheet date has no time zone: it holds the wall clock, Lima's (UTC−5).
    expect((value as Date).toISOString()).toBe('2024-11-20T09:15:03.000Z');
    expect(row.getCell(8).numFmt).toBe('dd/mm/yyyy hh:mm:ss');
  });

  it('shows times on screen in Lima’s time', () => {
    expect(formatTime('2024-11-20T14:15:03Z')).toBe('09:15');
    expect(formatDateTime('2024-11-20T14:15:03Z')).toMatch(/9:15/);
    expect(formatDateTime('2024-11-21T03:30:00Z')).toMatch(/20 nov/);
  });

  it('breaks the rows a roster would add down by institution type', async () => {
    const csv = [
      'Nombres y apellidos;DNI;Institución;Tipo;Cargo;Región',
      'Luis Tello;;UGEL Lamas;UGEL;Director;San Martín',
      'Rosa Díaz;;UGEL Nauta;UGEL;Especialista;Loreto',
      'Carmen Vargas;45678901;Pontificia Universidad Católica del Perú;Universidad;Docente;Lima Metropolitana',
      'Pedro Salazar;;MINEDU;MINEDU;Coordinador;',
    ].join('\r\n');
    const preview = await f.app.call('encuentro.attendance.previewImport', { encuentroId: f.encuentroId, fileName: 'asistentes.csv', dataBase64: Buffer.from(csv, 'utf8').toString('base64') });
    expect(preview.newByType).toEqual({ dreGre: 0, ugel: 2, minedu: 1, academic: 1, externalGuest: 0, other: 0 });
  });
});
