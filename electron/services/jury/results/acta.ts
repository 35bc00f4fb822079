import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { tieLine } from '../../../../shared/domain/tie-line';
import type { ExportedFile } from '../../../../shared/domain/types';
import { formatDateTime, formatNumber, t } from '../../../../shared/i18n';
import type { CategoryResult, ConsolidationReport, EntryResult } from '../../../../shared/scoring';
import type { Db } from '../../../db/open';
import { verificationLine, verifyAudit } from '../audit/chain';
import { actaRecord, type ActaRecord } from './acta-record';
import { actorLabel, withDevice } from '../audit/list';
import { categoryName, chainLabel, methodLabel, missingRuleLabel, slug, stepLabel } from './labels';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The acta de calificación of a stage as .docx (the `docx` package): ranking per category under
 * the official method, how it was computed, every tie-break applied, and a signature line per
 * juror. Word or LibreOffice print it; a .docx stays editable for the place and date.
 */
export async function exportActa(db: Db, report: ConsolidationReport, now: Date): Promise<ExportedFile> {
  const doc = new Document({
    creator: t('app.title'),
    title: t('results.acta.title'),
    styles: { default: { document: { run: { font: 'Arial', size: 21 } } } },
    sections: [
      {
        children: [
          ...heading(report),
          ...method(report),
          ...report.result.categories.flatMap((c) => category(report, c)),
          ...sheetsRecord(report, actaRecord(db, report.stageId)),
          ...closing(db, report, now),
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);
  return {
    fileName: `${t('results.acta.fileName', { edition: slug(report.editionName), stage: slug(report.stageName) })}.docx`,
    mimeType: DOCX_MIME,
    dataBase64: Buffer.from(buffer).toString('base64'),
  };
}

const para = (text: string, options: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({ alignment: options.align, spacing: { after: 120 }, children: [new TextRun({ text, bold: options.bold })] });

function heading(report: ConsolidationReport): Paragraph[] {
  const out = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: t('results.acta.title'), bold: true })] }),
    para(t('results.acta.subtitle', { edition: report.editionName, stage: report.stageName }), { align: AlignmentType.CENTER, bold: true }),
  ];
  if (!report.stageClosed) out.push(para(t('results.acta.openWarning'), { bold: true }));
  if (report.result.unresolvedTies) out.push(para(t('results.acta.unresolvedWarning'), { bold: true }));
  return out;
}

function method(report: ConsolidationReport): Paragraph[] {
  const { options, cutoff, reliability } = report.result;
  const out = [
    para(t('results.acta.intro', { stage: report.stageName, method: methodLabel(options.method) })),
    para(t('results.acta.methodNote', { missing: missingRuleLabel(options) })),
    para(t('results.acta.rules', { trimmed: options.trimmedMinJurors, top: options.topPlaces, pct: formatNumber(options.disagreementThreshold * 100) })),
    para(t('results.acta.tieChain', { chain: chainLabel(report) })),
  ];
  if (cutoff !== null) out.push(para(t('results.acta.cutoff', { cutoff: formatNumber(cutoff) })));
  if (reliability.alpha !== null) out.push(para(t('results.acta.reliability', { alpha: formatNumber(reliability.alpha, 3) })));
  return out;
}

function category(report: ConsolidationReport, category: CategoryResult): (Paragraph | Table)[] {
  const official = report.result.options.method;
  const ranking = category.rankings.find((r) => r.method === official);
  const byId = new Map(report.result.entries.map((e) => [e.entryId, e]));
  const out: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [new TextRun(t('results.acta.categoryHeading', { category: categoryName(report, category.categoryId) }))] }),
  ];
  const entries = (ranking?.order ?? []).map((id) => byId.get(id) as EntryResult);
  if (entries.length === 0) {
    out.push(para(t('results.acta.noRanked')));
    return out;
  }
  const withCutoff = report.result.cutoff !== null;
  const header = [t('results.col.rank'), t('results.col.code'), t('results.col.title'), methodLabel(official), t('results.col.jurors'), ...(withCutoff ? [t('results.col.passes')] : [])];
  const rows = entries.map((e) => [
    String(e.ranks[official] ?? ''),
    e.code,
    e.title,
    formatNumber(e.values[official] as number),
    String(e.counted),
    ...(withCutoff ? [t(e.passes ? 'results.yes' : 'results.no')] : []),
  ]);
  // Twips sized for the longest word of each header («Puesto», «calificaron», «siguiente») in Arial
  // 10.5 pt, so no word is broken; the title takes what is left of the A4 text width.
  const fixed = [1050, 1300, 1550, 1450, ...(withCutoff ? [1300] : [])];
  out.push(table(header, rows, [fixed[0], fixed[1], TEXT_WIDTH - sum(fixed), ...fixed.slice(2)] as number[]));
  if (category.topDiffers) out.push(para(t('results.acta.topDiffers', { top: report.result.options.topPlaces, method: methodLabel(official) })));

  out.push(new Paragraph({ spacing: { before: 160, after: 80 }, children: [new TextRun({ text: t('results.acta.tiesHeading'), bold: true })] }));
  const steps = ranking?.ties.flatMap((tie) => tie.steps.map((step) => ({ tie, step }))) ?? [];
  if (steps.length === 0) out.push(para(t('results.acta.noTies')));
  for (const { tie, step } of steps) {
    const above = byId.get(step.aboveEntryId)?.code ?? '';
    const below = byId.get(step.belowEntryId)?.code ?? '';
    out.push(para(tieLine({ above, below, value: tie.value, rule: stepLabel(report, step), unresolved: step.rule.kind === 'unresolved' })));
  }
  const disagreements = entries.filter((e) => e.disagreement).map((e) => e.code);
  if (disagreements.length > 0) {
    out.push(para(t('results.acta.disagreementNote', { pct: report.result.options.disagreementThreshold * 100, codes: disagreements.join(', ') })));
  }
  return out;
}

function closing(db: Db, report: ConsolidationReport, now: Date): (Paragraph | Table)[] {
  const audit = verifyAudit(db);
  const out: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 360, after: 120 }, children: [new TextRun(t('results.acta.jurorsHeading'))] }),
  ];
  // 24 underscores of Arial 10.5 pt (≈ 2 800 twips) fit the 3 400-twip column with its margins: one line, never wrapped.
  const rows = report.jurors.map((j) => [j.name, [j.cargo, j.institution].filter(Boolean).join(' — '), `\n\n${'_'.repeat(24)}`]);
  out.push(table([t('results.col.juror'), t('results.col.detail'), t('results.acta.signature')], rows, [2800, TEXT_WIDTH - 2800 - 3400, 3400], true));
  out.push(new Paragraph({ spacing: { before: 240 }, children: [] }));
  out.push(para(t('results.acta.place')));
  out.push(para(verificationLine(audit), { bold: !audit.ok }));
  out.push(para(t('results.acta.generatedAt', { date: formatDateTime(now.toISOString()) })));
  return out;
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };

/** A4 (11 906 twips) less the default 1 440-twip margins on each side. */
const TEXT_WIDTH = 11906 - 2 * 1440;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * A table with fixed column widths in twips: LibreOffice ignores percentage widths of an
 * auto-layout table and breaks header words («Pues/to») to fit.
 */
function table(header: string[], rows: string[][], widths: number[], tall = false): Table {
  const cell = (text: string, index: number, bold = false) =>
    new TableCell({
      width: { size: widths[index] ?? 1000, type: WidthType.DXA },
      borders: { top: border, bottom: border, left: border, right: border },
      children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })),
    });
  return new Table({
    width: { size: sum(widths), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: tall, children: r.map((text, i) => cell(text, i)) })),
    ],
  });
}

/** Who closed the stage, and on which venue device when it was not the organizer's own computer. */
function closerLabel(closed: NonNullable<ActaRecord['closed']>, jurorNames: Map<number, string>): string {
  const label = actorLabel(closed.actor, (id) => jurorNames.get(id) ?? `#${id}`);
  return closed.device ? withDevice(label, closed.device) : label;
}

/** Which sheets were left out and why, by name, and who closed the stage: the acta's record of the stage. */
function sheetsRecord(report: ConsolidationReport, record: ActaRecord): (Paragraph | Table)[] {
  const jurorNames = new Map(report.jurors.map((j) => [j.id, j.name]));
  const out: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 360, after: 120 }, children: [new TextRun(t('results.acta.recordHeading'))] }),
  ];
  out.push(
    para(
      record.closed
        ? t('results.acta.closedBy', {
            date: formatDateTime(record.closed.at),
            who: closerLabel(record.closed, jurorNames),
            reason: record.closed.reason || t('results.acta.noReason'),
          })
        : t('results.acta.notClosed'),
    ),
  );
  const juror = t('results.col.juror');
  const entry = t('results.col.code');
  const list = (title: string, rows: string[][], header: string[], widths: number[]) => {
    out.push(new Paragraph({ spacing: { before: 160, after: 80 }, children: [new TextRun({ text: title, bold: true })] }));
    out.push(rows.length === 0 ? para(t('results.acta.none')) : table(header, rows, widths));
  };
  list(t('results.acta.pendingHeading', { count: record.pending.length }), record.pending.map((r) => [r.juror, r.entry]), [juror, entry], [TEXT_WIDTH - 1800, 1800]);
  list(
    t('results.acta.conflictedHeading', { count: record.conflicted.length }),
    record.conflicted.map((r) => [r.juror, r.entry, r.detail]),
    [juror, entry, t('results.col.detail')],
    [2800, 1500, TEXT_WIDTH - 4300],
  );
  list(
    t('results.acta.abstentionsHeading', { count: record.abstentions.length }),
    record.abstentions.map((r) => [r.juror, r.entry, t(r.kind === 'abstain' ? 'results.acta.abstain' : 'results.acta.recuse'), r.reason]),
    [juror, entry, t('results.acta.kind'), t('results.col.reason')],
    [2600, 1400, 1400, TEXT_WIDTH - 5400],
  );
  return out;
}
