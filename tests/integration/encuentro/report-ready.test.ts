import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zipEntryText } from '../../support/zip';
import { openEncuentro, type EncuentroFixture } from './support';

/** Paragraph texts of word/document.xml, runs joined. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).filter(Boolean);
}

/** The Informe is sent as it comes out of the app: nothing in it may read as a working draft. */
describe('the Informe (.docx) is ready to send', () => {
  let f: EncuentroFixture;
  let xml = '';
  beforeEach(async () => {
    f = await openEncuentro();
    // A sala named after its eje, moderated by someone whose institution has its own parentheses.
    await f.app.call('encuentro.salas.create', {
      encuentroId: f.encuentroId,
      fields: {
        ejeId: f.ejeId,
        name: 'Sala 1: Liderazgo y monitoreo para la mejora de los aprendizajes',
        moderators: [{ name: 'Alejandro Ponce San Román', institution: 'ENAP (SERVIR)' }],
        practiceIds: [f.practiceA],
      },
    });
    await f.app.call('encuentro.panels.create', {
      encuentroId: f.encuentroId,
      fields: { ejeId: f.ejeId, title: 'Panel 1', moderatorName: 'Rosa Pérez', moderatorInstitution: 'DIFOCA (MINEDU)', practiceIds: [f.practiceA, f.practiceB] },
    });
    await f.app.call('encuentro.synthesis.createItem', { salaId: f.salaId, level: 'ugel', axis: 'replication', text: 'Un elemento de la síntesis' });
    const file = await f.app.call('encuentro.export.report', { encuentroId: f.encuentroId });
    xml = await zipEntryText(Buffer.from(file.dataBase64, 'base64'), 'word/document.xml');
  });
  afterEach(() => f.app.close());

  it('prints no synthesis status, no made-up year, no repeated eje and no doubled parentheses', () => {
    const text = paragraphs(xml);
    expect(text.join('\n')).not.toMatch(/Borrador|Síntesis en estado/);
    // Practice A was added with no year: the edition's (2024) is not printed as if it were its own.
    expect(text).toContain('Monitoreo Integral de los Aprendizajes (MIA)');
    expect(text.join('\n')).not.toContain('(2024)');
    // Practice B's own year is printed.
    expect(text).toContain('KUKA: Entrega de materiales educativos (2018)');
    expect(text).toContain('Sala 1: Liderazgo y monitoreo para la mejora de los aprendizajes');
    expect(text).toContain('Sala 2: Liderazgo y monitoreo para la mejora de los aprendizajes');
    expect(text.join('\n')).not.toMatch(/aprendizajes: Liderazgo/);
    expect(text).toContain('El trabajo en Sala 1: Liderazgo y monitoreo para la mejora de los aprendizajes estuvo moderado por Alejandro Ponce San Román – ENAP (SERVIR).');
    expect(text).toContain('Moderación: Rosa Pérez – DIFOCA (MINEDU).');
    expect(text.join('\n')).not.toMatch(/\([^()]*\([^()]*\)\)/);
  });

  it('keeps every table row on one page and repeats each table’s header row', () => {
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables.length).toBeGreaterThan(3);
    for (const tbl of tables) {
      const rows = [...tbl.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
      for (const row of rows) expect(row).toContain('<w:cantSplit/>');
      expect(rows[0]).toContain('<w:tblHeader/>');
    }
  });

  it('places the narrative sections written in the app where the reference report has them', async () => {
    const saved = await f.app.call('encuentro.narrative.save', {
      encuentroId: f.encuentroId,
      texts: {
        background: 'Desde el año 2016, la DIFOCA implementó\nla primera edición del Concurso.\n\nSegundo párrafo de antecedentes.',
        methodology: 'El Encuentro se desarrolló con una metodología orientada al inter-aprendizaje.',
        opening: 'El Viceministro de Gestión Institucional dio inicio al evento.',
        closing: 'Al cierre del Encuentro, el rector de la PUCP enfatizó lo siguiente.',
      },
    });
    expect(saved.background).toContain('Segundo párrafo');
    const file = await f.app.call('encuentro.export.report', { encuentroId: f.encuentroId });
    const text = paragraphs(await zipEntryText(Buffer.from(file.dataBase64, 'base64'), 'word/document.xml'));
    const at = (start: string) => text.findIndex((p) => p.startsWith(start));
    const order = [
      'I. Resumen ejecutivo',
      'Desde el año 2016, la DIFOCA implementó la primera edición del Concurso.',
      'Segundo párrafo de antecedentes.',
      'Se presentaron y retroalimentaron',
      'El Encuentro se desarrolló con una metodología',
      'Las experiencias que participaron',
      'Al cierre del Encuentro',
      'II. Desarrollo del Encuentro',
      'El Viceministro de Gestión Institucional',
      'III. Alcances y aportes colaborativos',
    ].map(at);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Emptied, a section leaves the Informe; an unknown Encuentro is refused in Spanish.
    await f.app.call('encuentro.narrative.save', { encuentroId: f.encuentroId, texts: { closing: '  ' } });
    expect((await f.app.call('encuentro.narrative.get', { encuentroId: f.encuentroId })).closing).toBe('');
    expect((await f.app.fail('encuentro.narrative.save', { encuentroId: 987_654, texts: { closing: 'x' } })).message).toMatch(/no existe|no se encontr/i);
  });
});
