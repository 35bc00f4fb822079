import type { ExportedFile } from '../../../shared/domain/types';
import { foldKey } from '../../../shared/domain/text';
import { t } from '../../../shared/i18n';
import type { Db } from '../../db/open';
import { queryAll } from '../../db/query';
import { getEdition } from '../editions/read';
import { tableToCsv, tableToXlsx, type ExportTable } from '../export/table';
import { getEntry } from './read';

/** The entries list as the organizers see it, one row per entry, statuses per stage at the end. */
export async function exportEntries(db: Db, editionId: number, format: 'xlsx' | 'csv', ids?: number[]): Promise<ExportedFile> {
  const edition = getEdition(db, editionId);
  // With `ids`, the file keeps the order the user sees on screen (their sort and filters).
  const inEdition = queryAll<{ id: number }>(db, `SELECT id FROM entry WHERE edition_id = ? ORDER BY code`, editionId).map((r) => r.id);
  const member = new Set(inEdition);
  const entryIds = ids ? [...new Set(ids)].filter((id) => member.has(id)) : inEdition;
  const entries = entryIds.map((id) => getEntry(db, id));
  const stageNames = edition.stages.map((s) => s.name);

  const table: ExportTable = {
    sheetName: t('export.entries.sheet'),
    headers: [
      t('field.code'),
      t('field.region'),
      t('field.iged'),
      t('field.title'),
      t('field.category'),
      t('field.startYear'),
      t('field.summary'),
      t('field.problem'),
      t('field.results'),
      t('field.evidence'),
      t('field.contactName'),
      t('field.contactCargo'),
      t('field.contactEmail'),
      t('field.contactPhone'),
      t('field.team'),
      ...stageNames.flatMap((name) => [`${t('field.status')} — ${name}`, `${t('field.statusReason')} — ${name}`]),
    ],
    rows: entries.map((e) => [
      e.code,
      e.region,
      e.igedName,
      e.title,
      e.categoryName,
      e.startYear,
      e.summary,
      e.problem,
      e.results,
      e.evidenceLinks.join('\n'),
      e.contactName,
      e.contactCargo,
      e.contactEmail,
      e.contactPhone,
      e.team,
      ...edition.stages.flatMap((stage) => {
        const s = e.statuses.find((x) => x.stageId === stage.id);
        return [t(`entry.status.${s?.status ?? 'pending'}`), s?.reason ?? ''];
      }),
    ]),
  };

  const base = t('export.entries.fileName', { edition: foldKey(edition.name).replace(/ /g, '-') || String(edition.year) });
  if (format === 'csv') {
    return { fileName: `${base}.csv`, mimeType: 'text/csv;charset=utf-8', dataBase64: tableToCsv(table).toString('base64') };
  }
  const buffer = await tableToXlsx(table, { creator: t('app.title'), title: edition.name });
  return {
    fileName: `${base}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    dataBase64: buffer.toString('base64'),
  };
}
