import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zipEntryText } from '../../support/zip';
import { openEncuentro, type EncuentroFixture } from './support';

/** The text of every bulleted paragraph of word/document.xml (a bullet is a paragraph with numbering). */
function bulletTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .filter((m) => m[0].includes('<w:numPr>'))
    .map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

/**
 * A line emptied on the capture screen, a synthesis item added and never written: blank items
 * never reach the projector (it reads the matrix and the synthesis) nor an export.
 */
describe('blank items stay off the wall and out of the exports', () => {
  let f: EncuentroFixture;
  beforeEach(async () => {
    f = await openEncuentro();
    const line = (text: string) => f.app.call('encuentro.contributions.create', { practiceId: f.practiceA, salaId: f.salaId, block: 'limiting', level: 'ugel', text, revision: 1 });
    await line('Con palabras');
    // An older client stored a blank line (emptied, then left).
    await line('   ');
    await f.app.call('encuentro.synthesis.createItem', { salaId: f.salaId, level: 'ugel', axis: 'replication', text: 'Ítem escrito' });
    await f.app.call('encuentro.synthesis.createItem', { salaId: f.salaId, level: 'ugel', axis: 'replication', text: '' });
    await f.app.call('encuentro.summary.createItem', { encuentroId: f.encuentroId, level: 'dreGr', axis: 'replication', text: '' });
  });
  afterEach(() => f.app.close());

  it('the matrix the capture screen and the projector read has no blank line', async () => {
    const matrix = await f.app.call('encuentro.matrix', { practiceId: f.practiceA, salaId: f.salaId });
    expect(matrix.blocks.flatMap((b) => b.cells.flatMap((c) => c.contributions.map((x) => x.text)))).toEqual(['Con palabras']);
  });

  it('the Informe (.docx) has no empty bullet', async () => {
    const file = await f.app.call('encuentro.export.report', { encuentroId: f.encuentroId });
    const bullets = bulletTexts(await zipEntryText(Buffer.from(file.dataBase64, 'base64'), 'word/document.xml'));
    expect(bullets).toContain('Con palabras');
    expect(bullets).toContain('Ítem escrito');
    expect(bullets.filter((text) => text.trim() === '')).toEqual([]);
  });

  it('the workbook (.xlsx) lists no blank contribution and no empty bullet', async () => {
    const file = await f.app.call('encuentro.export.xlsx', { encuentroId: f.encuentroId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const values: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => values.push(String(cell.text)))));
    expect(values.join('\n')).toContain('Con palabras');
    // A bullet with nothing after it, alone on its line.
    expect(values.flatMap((v) => v.split('\n')).filter((line) => /^\s*[•●]\s*$/.test(line))).toEqual([]);
    const contributions = workbook.worksheets[0]!;
    const texts: string[] = [];
    contributions.eachRow((row, n) => {
      if (n > 1) texts.push(row.values && Array.isArray(row.values) ? row.values.map(String).join('|') : '');
    });
    expect(texts.filter((t) => t.includes('Con palabras'))).toHaveLength(1);
    expect(texts).toHaveLength(1);
  });
});
