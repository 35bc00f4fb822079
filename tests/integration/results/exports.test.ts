import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/services';
import { zipEntryText } from '../../support/zip';
import { addEntry, addJuror, addSheet, NOW, seedEdition } from './seed';


/** Visible text of a WordprocessingML body: runs joined, paragraphs on their own lines. */
function docText(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

describe('results workbook and acta', () => {
  let app: TestApp;
  let s: Awaited<ReturnType<typeof seedEdition>>;
  let entries: { a1: number; a2: number; b1: number };

  beforeEach(async () => {
    app = await openTestApp();
    s = await seedEdition(app, 250);
    entries = {
      a1: await addEntry(app, s.editionId, s.categories.inicio, 'Buen inicio con brigadas'),
      a2: await addEntry(app, s.editionId, s.categories.inicio, 'Matrícula oportuna'),
      b1: await addEntry(app, s.editionId, s.categories.liderazgo, 'Monitoreo Integral de los Aprendizajes'),
    };
    const db = app.services.context.db();
    const ana = addJuror(db, s.editionId, 'Ana Quispe Huamán', 'PUCP', 'Docente investigadora');
    const luis = addJuror(db, s.editionId, 'Luis Mamani Condori', 'MINEDU — DIFOCA', 'Especialista');
    const { innovacion: I, resultados: R, sostenibilidad: S, intercultural: X } = s.criteria;
    // a1: 30·4 + 40·4 + 30·3 = 370 and 30·3 + 40·4 + 30·4 = 370 → 370
    // a2: 30·4 + 40·3 + 30·4 = 360 and 30·4 + 40·4 + 30·4 = 400 → 380 (first)
    // b1: 30·2 + 40·2 + 30·2 = 200 and Luis recuses → 200 (below the 250 cut-off)
    addSheet(db, s.stageId, ana, entries.a1, { [I]: 4, [R]: 4, [S]: 3, [X]: 1 });
    addSheet(db, s.stageId, luis, entries.a1, { [I]: 3, [R]: 4, [S]: 4, [X]: 3 });
    addSheet(db, s.stageId, ana, entries.a2, { [I]: 4, [R]: 3, [S]: 4 });
    addSheet(db, s.stageId, luis, entries.a2, { [I]: 4, [R]: 4, [S]: 4 });
    addSheet(db, s.stageId, ana, entries.b1, { [I]: 2, [R]: 2, [S]: 2 });
    addSheet(db, s.stageId, luis, entries.b1, { abstention: 'recuse' });
    db.prepare(
      `INSERT INTO conflict (edition_id, juror_id, entry_id, basis, detail, created_at, dismissed_at, dismissed_reason) VALUES (?, ?, ?, 'iged', 'Afiliado a UGEL Huari', ?, ?, 'Dejó la UGEL en 2019')`,
    ).run(s.editionId, ana, entries.a2, NOW, NOW);
  });
  afterEach(() => app.close());

  /**
   * a3 mirrors a1 with the jurors swapped: same mean (370), median, spread and criterion means,
   * so only an organizer's recorded decision can order them.
   */
  async function addMirrorOfA1(): Promise<number> {
    const db = app.services.context.db();
    const { innovacion: I, resultados: R, sostenibilidad: S } = s.criteria;
    const a3 = await addEntry(app, s.editionId, s.categories.inicio, 'Kits a tiempo');
    const jurors = db.prepare(`SELECT id FROM juror ORDER BY id`).all() as { id: number }[];
    addSheet(db, s.stageId, jurors[0]?.id as number, a3, { [I]: 3, [R]: 4, [S]: 4 });
    addSheet(db, s.stageId, jurors[1]?.id as number, a3, { [I]: 4, [R]: 4, [S]: 3 });
    return a3;
  }

  it('writes a results workbook that reads back: ranking with every method, juror sheets, criteria, conflicts, audit', async () => {
    const file = await app.call('results.exportWorkbook', { editionId: s.editionId, stageId: s.stageId });
    expect(file.fileName).toBe('resultados-ix-concurso-2024-evaluacion-tecnica.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Resumen',
      'Ranking',
      'Desempates',
      'Criterios',
      'Jurado',
      'J1 Ana Quispe Huamán',
      'J2 Luis Mamani Condori',
      'Conflictos',
      'Auditoría',
    ]);

    const ranking = workbook.getWorksheet('Ranking') as ExcelJS.Worksheet;
    const header = (ranking.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 12)).toEqual([
      'Categoría',
      'Puesto (Promedio)',
      'Código',
      'Práctica',
      'Promedio',
      'Mediana',
      'Media recortada',
      'Normalizado (z)',
      'Puesto (Promedio)',
      'Puesto (Mediana)',
      'Puesto (Media recortada)',
      'Puesto (Normalizado (z))',
    ]);
    const col = (name: string) => header.indexOf(name) + 1;
    const row = (n: number) => ranking.getRow(n);
    // category «inicio» in official order: a2 (380) then a1 (370); then «liderazgo»: b1 (200)
    expect([2, 3, 4].map((n) => row(n).getCell(col('Práctica')).value)).toEqual(['Matrícula oportuna', 'Buen inicio con brigadas', 'Monitoreo Integral de los Aprendizajes']);
    expect([2, 3, 4].map((n) => row(n).getCell(col('Promedio')).value)).toEqual([380, 370, 200]);
    expect(row(2).getCell(col('Media recortada')).value).toBe('No aplica: se necesitan al menos 5 jurados');
    expect([2, 3, 4].map((n) => row(n).getCell(col('Pasa a la siguiente etapa')).value)).toEqual(['Sí', 'Sí', 'No']);
    expect(row(4).getCell(col('Inhibiciones')).value).toBe(1);
    // the independent criterion's mean is reported beside the others: a1 (1 + 3)/2 = 2
    expect(row(3).getCell(col('Enfoque intercultural')).value).toBe(2);

    const ana = workbook.getWorksheet('J1 Ana Quispe Huamán') as ExcelJS.Worksheet;
    const anaHeader = (ana.getRow(1).values as unknown[]).slice(1);
    const anaRows = [2, 3, 4].map((n) => (ana.getRow(n).values as unknown[]).slice(1));
    expect(anaHeader.slice(0, 6)).toEqual(['Código', 'Práctica', 'Categoría', 'Estado de la ficha', 'Total ponderado', 'Criterios sin calificar']);
    expect(anaRows.map((r) => r[4])).toEqual([370, 360, 200]);
    expect(anaRows[0]?.slice(6)).toEqual([4, 4, 3, 1]);
    const luis = workbook.getWorksheet('J2 Luis Mamani Condori') as ExcelJS.Worksheet;
    expect(luis.getRow(4).getCell(4).value).toBe('Inhibición');

    const criteria = workbook.getWorksheet('Criterios') as ExcelJS.Worksheet;
    expect(criteria.getRow(2).getCell(1).value).toBe('Innovación');
    // innovación: 4, 3, 4, 4, 2 → count 5, mean 17/5 = 3.4
    expect(criteria.getRow(2).getCell(4).value).toBe(5);
    expect(criteria.getRow(2).getCell(5).value).toBeCloseTo(3.4, 10);

    const conflicts = workbook.getWorksheet('Conflictos') as ExcelJS.Worksheet;
    expect((conflicts.getRow(2).values as unknown[]).slice(1, 8)).toEqual(['Ana Quispe Huamán', '2024-002', 'Matrícula oportuna', 'Afiliación a la IGED', 'Afiliado a UGEL Huari', undefined, 'No']);
    const audit = workbook.getWorksheet('Auditoría') as ExcelJS.Worksheet;
    // header, the stage's creation, 17 scores and 6 submissions (the seed records each score, as the
    // app does), and the edition's set-up: 2 categories and 4 criteria
    expect(audit.rowCount).toBe(1 + 1 + 17 + 6 + 6);
    expect(audit.getRow(2).getCell(3).value).toBe('Organización');
    expect(audit.getRow(2).getCell(4).value).toBe('Categoría creada');
    expect(audit.getRow(2).getCell(9).value).toBe('nombre: «Contribución al buen inicio del año escolar»; descripción: —');
    expect(String(audit.getRow(2).getCell(11).value)).toMatch(/^[0-9a-f]{64}$/);

    const summary = workbook.getWorksheet('Resumen') as ExcelJS.Worksheet;
    const summaryText = JSON.stringify(summary.getSheetValues());
    expect(summaryText).toContain('Promedio de los jurados que calificaron');
    expect(summaryText).toContain('mayor mediana → menor dispersión entre jurados (máximo − mínimo) → decisión registrada de la organización');
  });

  it('the acta states the sheets not submitted, excluded for a conflict, the abstentions and recusals by name, and who closed the stage; columns have fixed widths', async () => {
    const db = app.services.context.db();
    const { innovacion: I } = s.criteria;
    const [ana, luis] = (db.prepare(`SELECT id FROM juror ORDER BY id`).all() as { id: number }[]).map((r) => r.id) as [number, number];
    const rosa = addJuror(db, s.editionId, 'Rosa Tello Ríos', 'SERVIR', 'Analista');
    addSheet(db, s.stageId, rosa, entries.a1, { pending: { [I]: 2 } });
    db.prepare(`INSERT INTO conflict (edition_id, juror_id, entry_id, basis, detail, created_at) VALUES (?, ?, ?, 'iged', 'Afiliado a UGEL Huari', ?)`).run(s.editionId, luis, entries.a1, NOW);
    await app.call('juryStages.close', { stageId: s.stageId, reason: 'Fin del plazo de calificación' });
    const report = await app.call('results.compute', { editionId: s.editionId, stageId: s.stageId });
    expect([report.pendingSheets, report.conflictedSheets]).toEqual([1, 1]);
    expect(ana).toBeGreaterThan(0);

    const file = await app.call('results.exportActa', { editionId: s.editionId, stageId: s.stageId });
    const xml = await zipEntryText(Buffer.from(file.dataBase64, 'base64'), 'word/document.xml');
    const text = docText(xml);
    expect(text).toMatch(/La etapa fue cerrada el .+ por Organización\. Motivo: Fin del plazo de calificación\./);
    expect(text).toContain('Fichas no enviadas, que no se cuentan (total: 1)\nJurado\nCódigo\nRosa Tello Ríos\n2024-001\n');
    expect(text).toContain('Fichas excluidas por conflicto de interés (total: 1)\nJurado\nCódigo\nDetalle\nLuis Mamani Condori\n2024-001\nAfiliado a UGEL Huari\n');
    expect(text).toContain('Abstenciones e inhibiciones (total: 1)\nJurado\nCódigo\nTipo\nMotivo\nLuis Mamani Condori\n2024-003\nInhibición\nConozco al equipo\n');
    // Fixed widths in twips, never percentages that LibreOffice squeezes into broken words.
    expect(xml).not.toContain('w:type="pct"');
    expect(xml.match(/<w:tblLayout w:type="fixed"\/>/g)?.length).toBeGreaterThanOrEqual(4);
    expect(xml).toContain('<w:gridCol w:w="1050"/>');
    // one signature line per juror, short enough for its column
    expect(text.match(/\n_{24}\n/g)?.length).toBe(3);
  });

  it('an unresolved tie reads as shared in the acta, with the table’s rounding, never as one entry above the other', async () => {
    await addMirrorOfA1();
    const file = await app.call('results.exportActa', { editionId: s.editionId, stageId: s.stageId });
    const text = docText(await zipEntryText(Buffer.from(file.dataBase64, 'base64'), 'word/document.xml'));
    expect(text).toContain('2024-001 y 2024-004 siguen empatados en 370 y comparten el puesto: empate sin resolver: requiere una decisión de la organización.');
    expect(text).not.toContain('2024-001 queda por encima de 2024-004');
  });

  it('writes the acta: ranking in order, the method, the tie-breaks and the jurors with signature lines', async () => {
    const a3 = await addMirrorOfA1();
    await app.call('results.recordTieDecision', { stageId: s.stageId, orderedEntryIds: [a3, entries.a1], reason: 'Mayor impacto en zonas rurales' });

    const file = await app.call('results.exportActa', { editionId: s.editionId, stageId: s.stageId });
    expect(file.fileName).toBe('acta-ix-concurso-2024-evaluacion-tecnica.docx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const text = docText(await zipEntryText(Buffer.from(file.dataBase64, 'base64'), 'word/document.xml'));

    expect(text).toContain('ACTA DE CALIFICACIÓN');
    expect(text).toContain('IX Concurso 2024 — Etapa: Evaluación técnica');
    expect(text).toContain('consolidada con el método: Promedio de los jurados que calificaron');
    expect(text).toContain('Nota de corte para pasar a la siguiente etapa: 250');
    expect(text).toContain('ATENCIÓN: la etapa no está cerrada');
    // ranking of «inicio»: a2 (380), then a3 and a1 tied at 370 in the decided order
    const order = ['2024-002', '2024-004', '2024-001'].map((code) => text.indexOf(`${code}`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('Categoría: Contribución al buen inicio del año escolar');
    expect(text).toContain('2024-004 queda por encima de 2024-001 (empate en 370): decisión registrada de la organización (Mayor impacto en zonas rurales).');
    expect(text).toContain('Categoría: Liderazgo para la mejora de aprendizajes');
    // jurors and their signature lines
    expect(text).toContain('Ana Quispe Huamán');
    expect(text).toContain('Docente investigadora — PUCP');
    expect(text).toContain('Luis Mamani Condori');
    expect(text.match(/_{20,}/g)?.length).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/Huella del registro de auditoría al generar el acta: [0-9a-f]{64}/);
  });
  it('dates the acta in Peru’s time: when the stage was closed and when the document was made', async () => {
    const lima = await openTestApp({ now: () => new Date('2026-03-01T20:53:00Z') });
    try {
      const seeded = await seedEdition(lima, 250);
      const entry = await addEntry(lima, seeded.editionId, seeded.categories.inicio, 'Buen inicio con brigadas');
      const ana = addJuror(lima.services.context.db(), seeded.editionId, 'Ana Quispe Huamán', 'PUCP', 'Docente investigadora');
      addSheet(lima.services.context.db(), seeded.stageId, ana, entry, { [seeded.criteria.innovacion]: 4, [seeded.criteria.resultados]: 4, [seeded.criteria.sostenibilidad]: 3 });
      await lima.call('juryStages.close', { stageId: seeded.stageId, reason: 'Fin del plazo' });
      const file = await lima.call('results.exportActa', { editionId: seeded.editionId, stageId: seeded.stageId });
      const text = docText(await zipEntryText(Buffer.from(file.dataBase64, 'base64'), 'word/document.xml'));
      // 20:53 UTC is 15:53 in Lima (UTC−5, no daylight saving time).
      expect(text).toContain('La etapa fue cerrada el 1 mar. 2026, 3:53 p. m. por');
      expect(text).toContain('Documento generado por Concurso BPGE el 1 mar. 2026, 3:53 p. m.\n');
    } finally {
      lima.close();
    }
  });
});
