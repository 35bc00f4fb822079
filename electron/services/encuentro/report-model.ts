import type { AttendanceCounts } from '../../../shared/domain/encuentro-attendance';
import type {
  Attendee,
  Contribution,
  Eje,
  EncuentroDetail,
  EncuentroPractice,
  EncuentroSummaryTable,
  PracticeMatrix,
  SalaSynthesis,
} from '../../../shared/domain/encuentro-types';
import { cellsWithWords, hasWords } from '../../../shared/domain/encuentro-matrix';
import { t } from '../../../shared/i18n';
import type { Narrative } from '../../../shared/domain/encuentro-schemas';
import type { Db } from '../../db/open';
import { attendanceCounts, listAttendees } from './attendance';
import { listContributions, versionCounts } from './contributions';
import { arrange } from './matrix';
import { getNarrative } from './narrative';
import { getEncuentro } from './setup-read';
import { getSummary } from './summary';
import { getSynthesis } from './synthesis';

/** Everything both exports need, read once in one consistent snapshot (a read transaction). */
export interface ReportModel {
  encuentro: EncuentroDetail;
  ejeOf: (practice: EncuentroPractice) => Eje | null;
  practiceById: Map<number, EncuentroPractice>;
  contributions: Contribution[];
  versions: Map<number, number>;
  matrices: Map<number, PracticeMatrix['blocks']>;
  syntheses: SalaSynthesis[];
  summary: EncuentroSummaryTable;
  counts: AttendanceCounts;
  attendees: Attendee[];
  narrative: Narrative;
}

export function readReportModel(db: Db, encuentroId: number): ReportModel {
  return db.transaction(() => {
    const encuentro = getEncuentro(db, encuentroId);
    // Blank lines and items (one just added and never written) print nothing: an empty bullet at most.
    const contributions = listContributions(db, { encuentroId, deleted: 'exclude' }).filter(hasWords);
    const summary = getSummary(db, encuentroId);
    const ejes = new Map(encuentro.ejes.map((e) => [e.id, e]));
    return {
      encuentro,
      ejeOf: (p: EncuentroPractice) => (p.ejeId === null ? null : (ejes.get(p.ejeId) ?? null)),
      practiceById: new Map(encuentro.practices.map((p) => [p.id, p])),
      contributions,
      versions: versionCounts(db, encuentroId),
      matrices: new Map(encuentro.practices.map((p) => [p.id, arrange(contributions.filter((c) => c.practiceId === p.id))])),
      syntheses: encuentro.salas.map((s) => {
        const synthesis = getSynthesis(db, s.id);
        return { ...synthesis, cells: cellsWithWords(synthesis.cells) };
      }),
      summary: { ...summary, cells: cellsWithWords(summary.cells) },
      counts: attendanceCounts(db, encuentroId),
      attendees: listAttendees(db, encuentroId, '', undefined),
      narrative: getNarrative(db, encuentroId),
    };
  })();
}

/** "Vigilancia colaborativa … (2017)". */
export function practiceTitle(p: EncuentroPractice): string {
  return p.year ? `${p.title} (${p.year})` : p.title;
}

/** "Sala 1: Eje", unless the sala's name already says its eje (no «Sala 1: Contribución…: Contribución…»). */
export function salaHeading(sala: string, eje: string): string {
  const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return !eje || fold(sala).includes(fold(eje)) ? sala : t('encuentro.report.salaHeading', { sala, eje });
}

/** File names: the Encuentro's name folded to ASCII words joined by dashes. */
export function fileSlug(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'encuentro'
  );
}
