import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attendanceSentence } from '../../../shared/domain/encuentro-attendance';
import { openEncuentro, type EncuentroFixture } from './support';

describe('attendance', () => {
  let f: EncuentroFixture;
  beforeEach(async () => {
    f = await openEncuentro();
  });
  afterEach(() => f.app.close());

  const register = (fullName: string, institutionType: 'dreGre' | 'ugel' | 'minedu' | 'academic' | 'externalGuest' | 'other', extra: Record<string, string> = {}) =>
    f.app.call('encuentro.attendance.register', { encuentroId: f.encuentroId, fields: { fullName, institutionType, ...extra } });

  it('counts registered and checked-in people by type, and the DRE/GRE + UGEL servidores', async () => {
    const ana = await register('Ana Quispe Mamani', 'ugel', { institution: 'UGEL Lamas', dni: '01234567' });
    const jose = await register('José Ñahui Cárdenas', 'dreGre', { institution: 'DRE Áncash' });
    const rosa = await register('Rosa Flores', 'minedu', { institution: 'MINEDU – DIFOCA' });
    await register('Carlos Rojas', 'academic', { institution: 'PUCP' });
    await f.app.call('encuentro.attendance.register', { encuentroId: f.encuentroId, fields: { fullName: 'Invitada en puerta', institutionType: 'externalGuest' }, checkIn: true });

    for (const person of [ana, jose, rosa]) await f.app.call('encuentro.attendance.checkIn', { id: person.id });
    const twice = await f.app.call('encuentro.attendance.checkIn', { id: ana.id });
    expect(twice.attendee.checkedInAt).toBe((await f.app.call('encuentro.attendance.list', { encuentroId: f.encuentroId, query: 'ana' }))[0]?.checkedInAt);
    const counts = twice.counts;
    expect(counts).toMatchObject({ registered: 5, checkedIn: 4, servidores: { registered: 2, checkedIn: 2 } });
    expect(counts.byType.academic).toEqual({ registered: 1, checkedIn: 0 });

    const undone = await f.app.call('encuentro.attendance.undoCheckIn', { id: jose.id });
    expect(undone.attendee.checkedIn).toBe(false);
    expect(undone.counts.servidores.checkedIn).toBe(1);
    expect(attendanceSentence(undone.counts)).toBe(
      'Participaron 3 asistentes, entre directivos y equipos de las DRE/GRE y UGEL, del MINEDU e invitados externos; uno de ellos es servidor que desempeña funciones en las DRE/GRE y UGEL.',
    );
    const pushed = f.events.filter((e) => e.name === 'encuentro.attendance');
    expect((pushed.at(-1)?.payload as { counts: { checkedIn: number } }).counts.checkedIn).toBe(3);

    await f.app.call('encuentro.attendance.delete', { id: rosa.id });
    expect((await f.app.call('encuentro.attendance.counts', { encuentroId: f.encuentroId })).registered).toBe(4);
  });

  it('finds people at the door ignoring accents and case, by name, DNI or institution', async () => {
    await register('José Ñahui Cárdenas', 'dreGre', { institution: 'DRE Áncash', dni: '40123456' });
    await register('María Zúñiga', 'ugel', { institution: 'UGEL Castilla' });
    const names = async (query: string) => (await f.app.call('encuentro.attendance.list', { encuentroId: f.encuentroId, query })).map((a) => a.fullName);
    expect(await names('jose nahui')).toEqual(['José Ñahui Cárdenas']);
    expect(await names('CÁRDENAS')).toEqual(['José Ñahui Cárdenas']);
    expect(await names('zuniga')).toEqual(['María Zúñiga']);
    expect(await names('ancash')).toEqual(['José Ñahui Cárdenas']);
    expect(await names('4012')).toEqual(['José Ñahui Cárdenas']);
    expect(await names('100% _')).toEqual([]);
    expect(await names('')).toEqual(['José Ñahui Cárdenas', 'María Zúñiga']);
  });

  it('validates the DNI (8 digits when given) and refuses a repeated one', async () => {
    const bad = await f.app.fail('encuentro.attendance.register', { encuentroId: f.encuentroId, fields: { fullName: 'X', institutionType: 'other', dni: '1234' } });
    expect(bad.message).toBe('Revise los datos ingresados: El DNI debe tener exactamente 8 dígitos.');
    await register('Primera', 'other', { dni: '12345678' });
    const dup = await f.app.fail('encuentro.attendance.register', { encuentroId: f.encuentroId, fields: { fullName: 'Segunda', institutionType: 'other', dni: '12345678' } });
    expect(dup.message).toBe('El DNI 12345678 ya está registrado a nombre de Primera.');
    const type = await f.app.fail('encuentro.attendance.register', { encuentroId: f.encuentroId, fields: { fullName: 'X', institutionType: 'ong' as never } });
    expect(type.message).toMatch(/Tipo de institución no válido/);
  });

  it('imports a CSV roster, skipping people already registered', async () => {
    await register('Ana Quispe', 'ugel', { dni: '01234567' });
    const csv = [
      'Nombres y apellidos;DNI;Institución;Tipo;Cargo;Región',
      'Ana Quispe;01234567;UGEL Lamas;UGEL;Especialista;San Martín',
      'Luis Tello;;UGEL Lamas;UGEL;Director;San Martín',
      'Carmen Vargas;45678901;Pontificia Universidad Católica del Perú;Universidad;Docente;Lima Metropolitana',
      'Pedro Salazar;;ONG Educa;Sociedad civil;Coordinador;',
    ].join('\r\n');
    const file = { encuentroId: f.encuentroId, fileName: 'asistentes.csv', dataBase64: Buffer.from(csv, 'utf8').toString('base64') };
    const preview = await f.app.call('encuentro.attendance.previewImport', file);
    expect(preview).toMatchObject({ rowCount: 4, newCount: 3, duplicateCount: 1, canCommit: true });
    expect(preview.issues.map((i) => [i.row, i.severity])).toEqual([
      [2, 'warning'],
      [5, 'warning'],
    ]);
    const result = await f.app.call('encuentro.attendance.import', file);
    expect(result).toMatchObject({ created: 3, skipped: 1 });
    expect(result.backupName).toMatch(/antes-de-importar/);
    const people = await f.app.call('encuentro.attendance.list', { encuentroId: f.encuentroId });
    expect(people.map((p) => [p.fullName, p.institutionType])).toEqual([
      ['Ana Quispe', 'ugel'],
      ['Carmen Vargas', 'academic'],
      ['Luis Tello', 'ugel'],
      ['Pedro Salazar', 'other'],
    ]);
  });

  it('reads the «Tipo» column as the app writes it (its labels) and as stored codes, the Spanish ones of older versions too', async () => {
    const rows = [
      ['DRE/GRE', 'dreGre'],
      ['Universidad / academia', 'academic'],
      ['Invitado externo', 'externalGuest'],
      ['Otro', 'other'],
      ['dre_gre', 'dreGre'],
      ['academia', 'academic'],
      ['invitado_externo', 'externalGuest'],
      ['otro', 'other'],
      ['externalGuest', 'externalGuest'],
      ['dreGre', 'dreGre'],
      ['academic', 'academic'],
      ['other', 'other'],
      ['minedu', 'minedu'],
    ];
    const csv = ['Nombres y apellidos;Institución;Tipo', ...rows.map(([type], i) => `Persona ${String(i).padStart(2, '0')};Institución ${i};${type}`)].join('\r\n');
    const file = { encuentroId: f.encuentroId, fileName: 'asistentes.csv', dataBase64: Buffer.from(csv, 'utf8').toString('base64') };
    const preview = await f.app.call('encuentro.attendance.previewImport', file);
    expect(preview.issues).toEqual([]);
    await f.app.call('encuentro.attendance.import', file);
    const people = await f.app.call('encuentro.attendance.list', { encuentroId: f.encuentroId });
    expect(people.map((p) => p.institutionType)).toEqual(rows.map(([, type]) => type));
  });

  it('imports an .xlsx roster with separate name columns; a numeric DNI keeps its leading zero; bad rows block the import', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Registro');
    sheet.addRow(['Registro de asistencia — II Encuentro']);
    sheet.addRow(['Nombres', 'Apellidos', 'N° DNI', 'Entidad', 'Cargo']);
    sheet.addRow(['Rosa', 'Huamán Flores', 1234567, 'MINEDU – DIGEGED', 'Especialista']);
    sheet.addRow(['Jorge', 'Mendoza', '87654321', 'DRE San Martín', 'Director']);
    const good = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const result = await f.app.call('encuentro.attendance.import', { encuentroId: f.encuentroId, fileName: 'registro.xlsx', dataBase64: good.toString('base64') });
    expect(result.created).toBe(2);
    const people = await f.app.call('encuentro.attendance.list', { encuentroId: f.encuentroId });
    expect(people.map((p) => [p.fullName, p.dni, p.institutionType])).toEqual([
      ['Jorge Mendoza', '87654321', 'dreGre'],
      ['Rosa Huamán Flores', '01234567', 'minedu'],
    ]);

    sheet.addRow(['Mal', 'DNI', '12-34', 'UGEL Lamas']);
    const bad = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const input = { encuentroId: f.encuentroId, fileName: 'registro.xlsx', dataBase64: bad.toString('base64') };
    const preview = await f.app.call('encuentro.attendance.previewImport', input);
    expect(preview.canCommit).toBe(false);
    expect(preview.issues.find((i) => i.severity === 'error')).toMatchObject({ row: 5, message: 'DNI «1234» no válido: debe tener 8 dígitos.' });
    expect((await f.app.fail('encuentro.attendance.import', input)).code).toBe('encuentro.error.import.hasErrors');
    expect((await f.app.call('encuentro.attendance.counts', { encuentroId: f.encuentroId })).registered).toBe(2);
  });
});
