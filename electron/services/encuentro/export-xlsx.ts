import ExcelJS from 'exceljs';
import { INSTITUTION_TYPES, attendanceSentence, institutionTypeLabel } from '../../../shared/domain/encuentro-attendance';
import {
  SYNTHESIS_AXES,
  SYNTHESIS_LEVELS,
  blockLabel,
  blockShortLabel,
  levelFromLabel,
  levelLabel,
  synthesisAxisLabel,
  synthesisLevelLabel,
  synthesisStatusLabel,
  type ContributionBlock,
} from '../../../shared/domain/encuentro-matrix';
import type { ExportedFile } from '../../../shared/domain/types';
import { peruWallClock, t } from '../../../shared/i18n';
import type { Db } from '../../db/open';
import { fileSlug, practiceTitle, readReportModel, salaHeading, type ReportModel } from './report-model';

/**
 * The Encuentro workbook, usable at any moment of the event: every contribution as a row
 * (for filters and pivot tables), each practice's matrix laid out as in the report, the sala
 * syntheses and the cross-sala summary with their sources, and attendance.
 */
export async function exportEncuentroXlsx(db: Db, encuentroId: number): Promise<ExportedFile> {
  const model = readReportModel(db, encuentroId);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = t('app.title');
  workbook.title = model.encuentro.name;
  workbook.created = new Date();
  const names = new SheetNames();

  contributionsSheet(workbook, names, model);
  for (const practice of model.encuentro.practices) practiceSheet(workbook, names, model, practice.id);
  for (const synthesis of model.syntheses) synthesisSheet(workbook, names, model, synthesis.sala.id);
  summarySheet(workbook, names, model);
  attendanceSheets(workbook, names, model);

  const buffer = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return {
    fileName: `${t('encuentro.export.fileName', { name: fileSlug(model.encuentro.name) })}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    dataBase64: buffer.toString('base64'),
  };
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique regardless of case. */
class SheetNames {
  private readonly used = new Set<string>();
  take(wanted: string): string {
    const base = wanted.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31) || 'Hoja';
    let name = base;
    for (let n = 2; this.used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    this.used.add(name.toLowerCase());
    return name;
  }
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  row.fill = HEADER_FILL;
  row.alignment = { vertical: 'middle', wrapText: true };
}

function bullets(texts: string[]): string {
  return texts.map((text) => `• ${text}`).join('\n');
}

function contributionsSheet(workbook: ExcelJS.Workbook, names: SheetNames, model: ReportModel): void {
  const sheet = workbook.addWorksheet(names.take(t('encuentro.export.sheet.contributions')), { views: [{ state: 'frozen', ySplit: 1 }] });
  const salaName = new Map(model.encuentro.salas.map((s) => [s.id, s.name]));
  sheet.columns = [
    { header: t('encuentro.col.id'), width: 7 },
    { header: t('encuentro.col.eje'), width: 28 },
    { header: t('encuentro.col.sala'), width: 10 },
    { header: t('encuentro.col.practice'), width: 40 },
    { header: t('encuentro.col.region'), width: 16 },
    { header: t('encuentro.col.iged'), width: 22 },
    { header: t('encuentro.col.year'), width: 7 },
    { header: t('encuentro.col.block'), width: 26 },
    { header: t('encuentro.col.level'), width: 16 },
    { header: t('encuentro.col.position'), width: 7 },
    { header: t('encuentro.col.text'), width: 70 },
    { header: t('encuentro.col.revision'), width: 9 },
    { header: t('encuentro.col.versions'), width: 9 },
    { header: t('encuentro.col.createdAt'), width: 22 },
    { header: t('encuentro.col.updatedAt'), width: 22 },
  ];
  styleHeader(sheet.getRow(1));
  for (const c of model.contributions) {
    const practice = model.practiceById.get(c.practiceId);
    const row = sheet.addRow([
      c.id,
      practice ? (model.ejeOf(practice)?.name ?? '') : '',
      c.salaId === null ? '' : (salaName.get(c.salaId) ?? ''),
      practice?.title ?? '',
      practice?.region ?? '',
      practice?.igedName ?? '',
      practice?.year ?? '',
      blockShortLabel(c.block),
      levelLabel(c.level),
      c.position,
      c.text,
      c.revision,
      model.versions.get(c.id) ?? 0,
      c.createdAt,
      c.updatedAt,
    ]);
    row.getCell(11).alignment = WRAP;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, model.contributions.length + 1), column: 15 } };
}

/** One practice as the report shows it: the two factor columns side by side, then the two questions. */
function practiceSheet(workbook: ExcelJS.Workbook, names: SheetNames, model: ReportModel, practiceId: number): void {
  const practice = model.practiceById.get(practiceId);
  const blocks = model.matrices.get(practiceId);
  if (!practice || !blocks) return;
  const sheet = workbook.addWorksheet(names.take(practice.igedName || practice.title));
  sheet.columns = [{ width: 26 }, { width: 60 }, { width: 60 }];
  sheet.addRow([practiceTitle(practice)]).font = { bold: true, size: 14 };
  sheet.addRow([`${practice.igedName.toUpperCase()} (${practice.region.toUpperCase()})`]).font = { bold: true };
  sheet.addRow([]);

  const cell = (block: ContributionBlock, index: number) => blocks.find((b) => b.block === block)?.cells[index];
  styleHeader(sheet.addRow([t('encuentro.col.level'), blockLabel('limiting'), blockLabel('enabling')]));
  for (let i = 0; i < 4; i++) {
    const limit = cell('limiting', i);
    const favor = cell('enabling', i);
    if (!limit || !favor) continue;
    const row = sheet.addRow([levelFromLabel(limit.level), bullets(limit.contributions.map((c) => c.text)), bullets(favor.contributions.map((c) => c.text))]);
    row.alignment = WRAP;
    row.getCell(1).font = { bold: true };
  }
  for (const block of ['actions', 'conditions'] as const) {
    sheet.addRow([]);
    const title = sheet.addRow([blockLabel(block)]);
    sheet.mergeCells(title.number, 1, title.number, 3);
    styleHeader(title);
    for (const c of blocks.find((b) => b.block === block)?.cells ?? []) {
      const row = sheet.addRow([levelLabel(c.level), bullets(c.contributions.map((x) => x.text))]);
      sheet.mergeCells(row.number, 2, row.number, 3);
      row.alignment = WRAP;
      row.getCell(1).font = { bold: true };
    }
  }
}

function synthesisSheet(workbook: ExcelJS.Workbook, names: SheetNames, model: ReportModel, salaId: number): void {
  const synthesis = model.syntheses.find((s) => s.sala.id === salaId);
  if (!synthesis) return;
  const sheet = workbook.addWorksheet(names.take(t('encuentro.export.sheet.synthesis', { sala: synthesis.sala.name })));
  sheet.columns = [{ width: 18 }, { width: 60 }, { width: 60 }, { width: 60 }];
  sheet.addRow([salaHeading(synthesis.sala.name, synthesis.ejeName)]).font = { bold: true, size: 14 };
  sheet.addRow([`${t('encuentro.col.status')}: ${synthesisStatusLabel(synthesis.status)}`]);
  sheet.addRow([]);
  styleHeader(sheet.addRow([t('encuentro.col.levels'), ...SYNTHESIS_AXES.map(synthesisAxisLabel)]));
  for (const level of SYNTHESIS_LEVELS) {
    const texts = SYNTHESIS_AXES.map((axis) => bullets(synthesis.cells.find((c) => c.level === level && c.axis === axis)?.items.map((i) => i.text) ?? []));
    const row = sheet.addRow([synthesisLevelLabel(level), ...texts]);
    row.alignment = WRAP;
    row.getCell(1).font = { bold: true };
  }
  // Provenance: where each action came from.
  sheet.addRow([]);
  styleHeader(sheet.addRow([t('encuentro.col.levels'), t('encuentro.col.axis'), t('encuentro.col.item'), t('encuentro.col.sources')]));
  for (const c of synthesis.cells) {
    for (const item of c.items) {
      const sources = item.sources.map((s) => {
        const practice = model.practiceById.get(s.practiceId);
        return `#${s.contributionId} ${practice?.igedName ?? ''} · ${blockShortLabel(s.block)} · ${levelLabel(s.level)}: ${s.text}`;
      });
      sheet.addRow([synthesisLevelLabel(item.level), synthesisAxisLabel(item.axis), item.text, sources.join('\n')]).alignment = WRAP;
    }
  }
}

function summarySheet(workbook: ExcelJS.Workbook, names: SheetNames, model: ReportModel): void {
  const sheet = workbook.addWorksheet(names.take(t('encuentro.export.sheet.summary')));
  sheet.columns = [{ width: 26 }, { width: 16 }, { width: 80 }, { width: 60 }];
  styleHeader(sheet.addRow([t('encuentro.col.levels'), t('encuentro.col.axis'), t('encuentro.col.item'), t('encuentro.col.sources')]));
  for (const axis of SYNTHESIS_AXES) {
    for (const level of SYNTHESIS_LEVELS) {
      for (const item of model.summary.cells.find((c) => c.level === level && c.axis === axis)?.items ?? []) {
        const sources = item.sources.map((s) => `${s.salaName}: ${s.text}`).join('\n');
        sheet.addRow([t(`encuentro.summaryLevel.${level}`), synthesisAxisLabel(axis), item.text, sources]).alignment = WRAP;
      }
    }
  }
}

function attendanceSheets(workbook: ExcelJS.Workbook, names: SheetNames, model: ReportModel): void {
  const list = workbook.addWorksheet(names.take(t('encuentro.export.sheet.attendance')), { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = [
    { header: t('encuentro.col.fullName'), width: 36 },
    { header: t('encuentro.col.dni'), width: 11 },
    { header: t('encuentro.col.institution'), width: 40 },
    { header: t('encuentro.col.institutionType'), width: 22 },
    { header: t('encuentro.col.cargo'), width: 32 },
    { header: t('encuentro.col.region'), width: 18 },
    { header: t('encuentro.col.checkedIn'), width: 8 },
    { header: t('encuentro.col.checkedInAt'), width: 22 },
    { header: t('who.recordedBy'), width: 24 },
    { header: t('who.checkedInBy'), width: 24 },
  ];
  styleHeader(list.getRow(1));
  for (const a of model.attendees) {
    list.addRow([
      a.fullName,
      a.dni,
      a.institution,
      institutionTypeLabel(a.institutionType),
      a.cargo,
      a.region,
      a.checkedIn ? t('encuentro.yes') : t('encuentro.no'),
      a.checkedInAt ? peruWallClock(a.checkedInAt) : '',
      a.registeredBy,
      a.checkedInBy,
    ]);
  }
  // Peru's time (stored instants are UTC), as a real date-time the organizers can sort by.
  list.getColumn(8).numFmt = 'dd/mm/yyyy hh:mm:ss';
  list.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, model.attendees.length + 1), column: 10 } };

  const counts = workbook.addWorksheet(names.take(t('encuentro.export.sheet.attendanceCounts')));
  counts.columns = [{ width: 36 }, { width: 12 }, { width: 12 }];
  styleHeader(counts.addRow([t('encuentro.col.institutionType'), t('encuentro.col.registered'), t('encuentro.col.present')]));
  for (const type of INSTITUTION_TYPES) {
    counts.addRow([institutionTypeLabel(type), model.counts.byType[type].registered, model.counts.byType[type].checkedIn]);
  }
  counts.addRow([t('encuentro.count.total'), model.counts.registered, model.counts.checkedIn]).font = { bold: true };
  counts.addRow([t('encuentro.count.servidores'), model.counts.servidores.registered, model.counts.servidores.checkedIn]).font = { bold: true };
  counts.addRow([]);
  counts.addRow([attendanceSentence(model.counts)]);
}
