import { Document, Packer } from 'docx';
import { INSTITUTION_TYPES, attendanceSentence, institutionTypeLabel, joinSpanish, reportedAttendance } from '../../../shared/domain/encuentro-attendance';
import {
  FACTOR_LEVELS,
  SYNTHESIS_AXES,
  SYNTHESIS_LEVELS,
  blockLabel,
  levelFromLabel,
  levelLabel,
  synthesisAxisLabel,
  synthesisLevelLabel,
} from '../../../shared/domain/encuentro-matrix';
import type { EncuentroPractice, PracticeMatrix } from '../../../shared/domain/encuentro-types';
import type { ExportedFile } from '../../../shared/domain/types';
import { formatDateTime, t } from '../../../shared/i18n';
import type { NarrativeSection } from '../../../shared/domain/encuentro-schemas';
import type { Db } from '../../db/open';
import { bold, bullet, bulletList, cell, gap, heading, nameWithInstitution, para, plain, table, type Block } from './docx-kit';
import { narrativeParagraphs } from './narrative';
import { fileSlug, practiceTitle, readReportModel, salaHeading, type ReportModel } from './report-model';

/**
 * The Informe del Encuentro as an editable Word document, with the sections of the reference
 * report (shared/seed/informe-encuentro.txt): I. Resumen ejecutivo, II. Desarrollo del Encuentro
 * (panels, moderators, one section per practice with its four matrices), III. Alcances y aportes
 * colaborativos (the sala syntheses) and IV. Asistencia. Organizers finish the prose in Word.
 */
export async function exportEncuentroReport(db: Db, encuentroId: number): Promise<ExportedFile> {
  const model = readReportModel(db, encuentroId);
  const doc = new Document({
    creator: t('app.title'),
    title: t('encuentro.report.title', { name: model.encuentro.name }),
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children: [...titlePage(model), ...summarySection(model), ...developmentSection(model), ...synthesisSection(model), ...attendanceSection(model)] }],
  });
  const buffer = await Packer.toBuffer(doc);
  return {
    fileName: `${t('encuentro.export.reportFileName', { name: fileSlug(model.encuentro.name) })}.docx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    dataBase64: buffer.toString('base64'),
  };
}

function titlePage(model: ReportModel): Block[] {
  const e = model.encuentro;
  const meta = [e.eventDate ? formatDate(e.eventDate) : '', e.venue, e.partners].filter(Boolean).join(' · ');
  return [heading(t('encuentro.report.title', { name: e.name }), 1), ...(meta ? [para(meta, { italics: true })] : [])];
}

function formatDate(iso: string): string {
  return formatDateTime(`${iso}T12:00:00`).replace(/,?\s*\d{1,2}:\d{2}.*$/, '');
}

function practicesOfEje(model: ReportModel, ejeId: number | null): EncuentroPractice[] {
  return model.encuentro.practices.filter((p) => p.ejeId === ejeId);
}

function practiceLine(p: EncuentroPractice): string {
  return t('encuentro.report.practiceLine', { region: p.region, iged: p.igedName, title: p.title, year: p.year ? ` (${p.year})` : '' });
}

function summarySection(model: ReportModel): Block[] {
  const { ejes, practices } = model.encuentro;
  const ordinals = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'];
  const ejeList = joinSpanish(ejes.map((e, i) => `${ordinals[i] ?? i + 1}) ${e.name}`));
  // Where the reference report has them: the background opens the summary, the methodology follows the figures.
  const blocks: Block[] = [
    heading(t('encuentro.report.section1'), 1),
    ...narrative(model, 'background'),
    para(t('encuentro.report.intro', { count: practices.length, ejes: ejes.length, ejeList })),
    para(attendanceSentence(model.counts)),
    ...narrative(model, 'methodology'),
    para(t('encuentro.report.practicesByEje')),
  ];
  for (const eje of ejes) {
    blocks.push(para(eje.name, { bold: true }));
    for (const p of practicesOfEje(model, eje.id)) blocks.push(bullet(practiceLine(p)));
  }
  const loose = practicesOfEje(model, null);
  for (const p of loose) blocks.push(bullet(practiceLine(p)));

  blocks.push(para(t('encuentro.report.mainActions')));
  const hasSummary = model.summary.cells.some((c) => c.items.length > 0);
  if (!hasSummary) blocks.push(para(t('encuentro.report.noSummary'), { italics: true }));
  for (const axis of hasSummary ? SYNTHESIS_AXES : []) {
    blocks.push(para(t(axis === 'sustainability' ? 'encuentro.report.forSustainability' : 'encuentro.report.forReplication'), { bold: true }));
    for (const level of SYNTHESIS_LEVELS) {
      for (const item of model.summary.cells.find((c) => c.level === level && c.axis === axis)?.items ?? []) {
        blocks.push(bullet([bold(`${t(`encuentro.summaryLevel.${level}`)}: `), plain(item.text)]));
      }
    }
  }
  // The closing words end the executive summary, as in the reference report.
  blocks.push(...narrative(model, 'closing'));
  return blocks;
}

/** A narrative section the organizers wrote in the app, one paragraph per paragraph (nothing when not written). */
function narrative(model: ReportModel, section: NarrativeSection): Block[] {
  return narrativeParagraphs(model.narrative[section]).map((text) => para(text));
}

function developmentSection(model: ReportModel): Block[] {
  // The opening words open "Desarrollo del Encuentro", before the panels.
  const blocks: Block[] = [heading(t('encuentro.report.section2'), 1), ...narrative(model, 'opening'), para(t('encuentro.report.panelsIntro'))];
  for (const eje of model.encuentro.ejes) {
    for (const panel of model.encuentro.panels.filter((p) => p.ejeId === eje.id)) {
      blocks.push(heading(panel.title || eje.name, 3));
      const header = [t('encuentro.col.region'), t('encuentro.col.iged'), t('encuentro.col.experience'), t('encuentro.col.presenter')].map((h) =>
        cell(h, { header: true }),
      );
      const rows = panel.practiceIds
        .map((id) => model.practiceById.get(id))
        .filter((p): p is EncuentroPractice => p !== undefined)
        .map((p) => [
          cell(p.region),
          cell(p.igedName),
          cell(practiceTitle(p)),
          cell([para(p.presenter), ...(p.presenterCargo ? [para(`(${p.presenterCargo})`)] : [])]),
        ]);
      blocks.push(table(header, rows));
      const moderator = nameWithInstitution(panel.moderatorName, panel.moderatorInstitution);
      if (moderator) {
        blocks.push(para(t('encuentro.report.panelModerator', { moderator }), { italics: true }));
      } else {
        blocks.push(gap());
      }
    }
  }
  for (const sala of model.encuentro.salas) {
    if (sala.moderators.length === 0) continue;
    const moderators = joinSpanish(sala.moderators.map((m) => nameWithInstitution(m.name, m.institution)));
    blocks.push(para(t('encuentro.report.salaModerators', { sala: sala.name, moderators })));
  }
  blocks.push(para(t('encuentro.report.matrixIntro')));
  for (const practice of model.encuentro.practices) {
    const matrix = model.matrices.get(practice.id);
    if (matrix) blocks.push(...practiceMatrix(practice, matrix));
  }
  return blocks;
}

/** A practice's four matrices, as in the report: factors side by side, then each question by level. */
function practiceMatrix(practice: EncuentroPractice, matrix: PracticeMatrix['blocks']): Block[] {
  const empty = t('encuentro.report.emptyCell');
  const cellsOf = (block: string) => matrix.find((b) => b.block === block)?.cells ?? [];
  const blocks: Block[] = [heading(practiceTitle(practice), 2), para(`${practice.igedName.toUpperCase()} (${practice.region.toUpperCase()})`, { bold: true })];

  const factorRows = FACTOR_LEVELS.flatMap((level) => {
    const limit = cellsOf('limiting').find((c) => c.level === level)?.contributions ?? [];
    const favor = cellsOf('enabling').find((c) => c.level === level)?.contributions ?? [];
    if (limit.length === 0 && favor.length === 0) return [];
    const side = (items: typeof limit) => (items.length === 0 ? [para(empty)] : [para(levelFromLabel(level), { bold: true }), ...items.map((c) => bullet(c.text))]);
    return [[cell(side(limit), { widthPct: 50 }), cell(side(favor), { widthPct: 50 })]];
  });
  blocks.push(
    table(
      [cell(blockLabel('limiting'), { header: true }), cell(blockLabel('enabling'), { header: true })],
      factorRows.length > 0 ? factorRows : [[cell(empty), cell(empty)]],
    ),
    gap(),
  );

  for (const block of ['actions', 'conditions'] as const) {
    const rows = cellsOf(block)
      .filter((c) => c.contributions.length > 0)
      .map((c) => [cell(levelLabel(c.level), { widthPct: 20 }), cell(bulletList(c.contributions.map((x) => x.text), empty), { widthPct: 80 })]);
    blocks.push(table([cell(blockLabel(block), { header: true, span: 2 })], rows.length > 0 ? rows : [[cell(empty), cell(empty)]]), gap());
  }
  return blocks;
}

function synthesisSection(model: ReportModel): Block[] {
  const blocks: Block[] = [heading(t('encuentro.report.section3'), 1), para(t('encuentro.report.synthesisIntro'))];
  for (const synthesis of model.syntheses) {
    blocks.push(heading(salaHeading(synthesis.sala.name, synthesis.ejeName), 2));
    const igeds = synthesis.sala.practiceIds.map((id) => model.practiceById.get(id)?.igedName.toUpperCase() ?? '').filter(Boolean);
    if (igeds.length > 0) blocks.push(para(igeds.join(' – '), { bold: true }));
    const header = [cell(t('encuentro.col.levels'), { header: true }), ...SYNTHESIS_AXES.map((a) => cell(synthesisAxisLabel(a), { header: true }))];
    const rows = SYNTHESIS_LEVELS.map((level) => [
      cell(synthesisLevelLabel(level), { widthPct: 16 }),
      ...SYNTHESIS_AXES.map((axis) =>
        cell(bulletList(synthesis.cells.find((c) => c.level === level && c.axis === axis)?.items.map((i) => i.text) ?? [], t('encuentro.report.emptyCell')), {
          widthPct: 42,
        }),
      ),
    ]);
    blocks.push(table(header, rows), gap());
  }
  return blocks;
}

function attendanceSection(model: ReportModel): Block[] {
  const figures = reportedAttendance(model.counts);
  const blocks: Block[] = [heading(t('encuentro.report.section4'), 1), para(attendanceSentence(model.counts))];
  if (figures.total > 0 && figures.basis === 'registered') blocks.push(para(t('encuentro.report.attendance.basisRegistered'), { italics: true }));
  const header = [t('encuentro.col.institutionType'), t('encuentro.col.registered'), t('encuentro.col.present')].map((h) => cell(h, { header: true }));
  const rows = INSTITUTION_TYPES.map((type) => [
    cell(institutionTypeLabel(type)),
    cell(String(model.counts.byType[type].registered)),
    cell(String(model.counts.byType[type].checkedIn)),
  ]);
  rows.push([cell(t('encuentro.count.servidores')), cell(String(model.counts.servidores.registered)), cell(String(model.counts.servidores.checkedIn))]);
  rows.push([cell(t('encuentro.count.total'), { header: true }), cell(String(model.counts.registered), { header: true }), cell(String(model.counts.checkedIn), { header: true })]);
  blocks.push(table(header, rows));
  return blocks;
}
