import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/services';
import { zipEntryText } from '../../support/zip';

/** Paragraph texts of word/document.xml, runs joined. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .filter(Boolean)
    .map((text) => text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
}

describe('the demo Encuentro (the reference report) and its exports', () => {
  let app: TestApp;
  let encuentroId: number;
  beforeAll(async () => {
    app = await openTestApp({ demo: 'ifEmpty' });
    const [demo] = await app.call('encuentro.list', {});
    encuentroId = demo?.id ?? 0;
  });
  afterAll(() => app.close());

  it('has the report’s two ejes, six practices linked to the demo entries, two salas with their moderators', async () => {
    const detail = await app.call('encuentro.get', { id: encuentroId });
    expect(detail).toMatchObject({ isDemo: true, practiceCount: 6, salaCount: 2, attendeeCount: 145 });
    expect(detail.ejes.map((e) => e.name)).toEqual(['Contribución al inicio del año escolar', 'Liderazgo y monitoreo para la mejora de los aprendizajes']);
    expect(detail.practices.every((p) => p.entryId !== null)).toBe(true);
    expect(detail.practices.map((p) => `${p.igedName} (${p.year})`)).toEqual([
      'UGEL Lamas (2017)',
      'UGEL Loreto - Nauta (2018)',
      'DRE Lima Metropolitana (2018)',
      'UGEL Castilla (2017)',
      'UGEL Surcubamba (2018)',
      'DRE Áncash (2018)',
    ]);
    expect(detail.salas.map((s) => [s.name, s.moderators[0]?.name, s.practiceIds.length, s.synthesisStatus])).toEqual([
      ['Sala 1', 'María Amelia Palacios Vallejo', 3, 'final'],
      ['Sala 2', 'Alejandro Ponce San Román', 3, 'final'],
    ]);
    expect(detail.panels.map((p) => p.practiceIds.length)).toEqual([3, 3]);
    expect(detail.contributionCount).toBe(119);
    expect((await app.call('encuentro.ensureDemo', {})).encuentroId).toBe(encuentroId);
  });

  it('has 145 attendees, 37 of them servidores of DRE/GRE and UGEL', async () => {
    const counts = await app.call('encuentro.attendance.counts', { encuentroId });
    expect(counts).toMatchObject({ registered: 145, checkedIn: 145, servidores: { registered: 37, checkedIn: 37 } });
    expect(counts.byType.minedu.registered + counts.byType.academic.registered + counts.byType.externalGuest.registered).toBe(108);
  });

  it('records the syntheses with provenance and the executive summary', async () => {
    const detail = await app.call('encuentro.get', { id: encuentroId });
    const [sala1, sala2] = await Promise.all(detail.salas.map((s) => app.call('encuentro.synthesis.get', { salaId: s.id })));
    const count = (s: typeof sala1) => s?.cells.reduce((n, c) => n + c.items.length, 0);
    expect([count(sala1), count(sala2)]).toEqual([21, 36]);
    const minedu = sala2?.cells.find((c) => c.level === 'minedu' && c.axis === 'sustainability')?.items[0];
    expect(minedu?.text).toBe('Implementar capacitaciones a docentes y especialistas de las DRE y UGEL.');
    expect(minedu?.sources.map((s) => s.text)).toEqual(['Capacitación adecuada a docentes.', 'Cursos virtuales']);
    const summary = await app.call('encuentro.summary.get', { encuentroId });
    const items = summary.cells.flatMap((c) => c.items);
    expect(items).toHaveLength(8);
    expect(items.every((i) => i.sources.length >= 2)).toBe(true);
  });

  it('produces the Informe del Encuentro as a .docx with the report’s sections, matrices and attendance sentence', async () => {
    const file = await app.call('encuentro.export.report', { encuentroId });
    expect(file.fileName).toMatch(/^informe-encuentro-.*\.docx$/);
    const text = paragraphs(await zipEntryText(Buffer.from(file.dataBase64, 'base64'), 'word/document.xml'));
    for (const title of ['I. Resumen ejecutivo', 'II. Desarrollo del Encuentro', 'III. Alcances y aportes colaborativos', 'IV. Asistencia']) {
      expect(text).toContain(title);
    }
    expect(text).toContain(
      'Participaron 145 asistentes, entre directivos y equipos de las DRE/GRE y UGEL, del MINEDU, invitados externos y de la academia; 37 de ellos son servidores que desempeñan funciones en las DRE/GRE y UGEL.',
    );
    // The KUKA practice's matrix: its heading, the factor cell, a question block.
    expect(text).toContain('KUKA: Entrega de materiales educativos (2018)');
    expect(text).toContain('Falta implementar un marco técnico normativo para el seguimiento y control con los sistemas de verificación de MINEDU (SIGA) y el KUKA APP.');
    expect(text).toContain('¿Qué condiciones mínimas se requieren para la REPLICABILIDAD de la experiencia en contextos similares?');
    expect(text).toContain('Decisión política y compromiso para implementar KUKA app en las 8 UGEL de la región Loreto.');
    // Panels, moderators, syntheses, executive summary.
    expect(text).toContain('Leví Verástegui Gutiérrez');
    expect(text.some((p) => p.includes('María Amelia Palacios Vallejo (EDUGESTORES)'))).toBe(true);
    expect(text).toContain('Sala 2: Liderazgo y monitoreo para la mejora de los aprendizajes');
    expect(text).toContain('Voluntariado universitario');
    expect(text.some((p) => p.startsWith('A nivel de Minedu: sistematizar, difundir las prácticas'))).toBe(true);
  });

  it('produces the workbook: every contribution as a row, a sheet per practice, syntheses, summary and attendance', async () => {
    const file = await app.call('encuentro.export.xlsx', { encuentroId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Aportes',
      'UGEL Lamas',
      'UGEL Loreto - Nauta',
      'DRE Lima Metropolitana',
      'UGEL Castilla',
      'UGEL Surcubamba',
      'DRE Áncash',
      'Síntesis Sala 1',
      'Síntesis Sala 2',
      'Resumen ejecutivo',
      'Asistencia',
      'Asistencia (cifras)',
    ]);
    const rows = workbook.getWorksheet('Aportes');
    expect(rows?.rowCount).toBe(120);
    const header = (rows?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['N.º', 'Eje temático', 'Sala', 'Práctica', 'Región', 'DRE - UGEL', 'Año', 'Bloque', 'Nivel', 'Orden', 'Aporte', 'Revisión', 'Versiones', 'Creado', 'Actualizado']);
    const nauta = workbook.getWorksheet('UGEL Loreto - Nauta');
    const nautaText: string[] = [];
    nauta?.eachRow((row) => row.eachCell((cell) => nautaText.push(String(cell.value))));
    expect(nautaText).toContain('Desde la DRE/GRE y GR');
    expect(nautaText).toContain('• Falta de iniciativa para la implementación a nivel regional.');
    expect(nautaText).toContain('• Presupuesto para implementar KUKA.\n• Marco normativo para uso.');
    expect(workbook.getWorksheet('Asistencia')?.rowCount).toBe(146);
    const figures: string[] = [];
    workbook.getWorksheet('Asistencia (cifras)')?.eachRow((row) => figures.push((row.values as unknown[]).slice(1).join('|')));
    expect(figures).toContain('Servidores de DRE/GRE y UGEL|37|37');
    expect(figures).toContain('Total|145|145');
  });
});

describe('encuentro.ensureDemo', () => {
  it('adds the demo edition and its Encuentro to a database that had neither', async () => {
    const app = await openTestApp();
    const { encuentroId } = await app.call('encuentro.ensureDemo', {});
    const detail = await app.call('encuentro.get', { id: encuentroId });
    expect(detail).toMatchObject({ isDemo: true, practiceCount: 6, attendeeCount: 145 });
    app.close();
  });
});
