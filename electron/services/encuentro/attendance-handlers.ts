import type { Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { AppContext } from '../context';
import type { EventBus } from '../events';
import { ENTRY_LIMITS, IMPORT_DEFAULTS } from '../import/options';
import { readUpload, sharedParser, type UploadKind } from '../import/read-upload';
import { attendanceCounts, deleteAttendee, getAttendee, insertAttendee, listAttendees, setCheckedIn, updateAttendee } from './attendance';
import { assertEncuentro } from './lookup';
import { planRoster } from './roster-import';

type Names = Extract<keyof Handlers, `encuentro.attendance.${string}`>;

/** A roster is a few hundred rows; the cap keeps a wrong file from becoming thousands of registrations. */
const ROSTER: UploadKind = { limits: { ...ENTRY_LIMITS, maxRows: 5_000 + 10 }, timeoutMs: IMPORT_DEFAULTS.entriesTimeoutMs };

/** Registration, door check-in and roster import; every change pushes the live counts. */
export function attendanceHandlers(ctx: AppContext, events?: EventBus): Pick<Handlers, Names> {
  const now = () => ctx.now().toISOString();
  const db = () => ctx.db();
  const tx = <T>(fn: () => T): T => db().transaction(fn)();
  const announce = (encuentroId: number, attendeeId: number | null) => {
    const counts = attendanceCounts(db(), encuentroId);
    events?.emit('encuentro.attendance', { encuentroId, attendeeId, counts });
    return counts;
  };

  // The hardened path every uploaded spreadsheet takes (electron/services/import/read-upload.ts).
  const readRoster = async (encuentroId: number, fileName: string, dataBase64: string) => {
    assertEncuentro(db(), encuentroId);
    const parsed = await readUpload(sharedParser(), { fileName, dataBase64 }, ROSTER);
    return planRoster(db(), encuentroId, fileName, parsed.sheets);
  };

  return {
    'encuentro.attendance.list': ({ encuentroId, query, limit }) => listAttendees(db(), encuentroId, query, limit),
    'encuentro.attendance.counts': ({ encuentroId }) => {
      assertEncuentro(db(), encuentroId);
      return attendanceCounts(db(), encuentroId);
    },
    'encuentro.attendance.register': ({ encuentroId, fields, checkIn }) => {
      const id = tx(() => insertAttendee(db(), encuentroId, fields, { checkIn, source: 'manual', now: now() }));
      announce(encuentroId, id);
      return getAttendee(db(), id);
    },
    'encuentro.attendance.update': ({ id, fields }) => {
      const encuentroId = tx(() => updateAttendee(db(), id, fields, now()));
      announce(encuentroId, id);
      return getAttendee(db(), id);
    },
    'encuentro.attendance.delete': ({ id }) => {
      const encuentroId = tx(() => deleteAttendee(db(), id, now()));
      announce(encuentroId, id);
      return { deleted: true };
    },
    'encuentro.attendance.checkIn': ({ id }) => {
      const encuentroId = tx(() => setCheckedIn(db(), id, true, now()));
      return { attendee: getAttendee(db(), id), counts: announce(encuentroId, id) };
    },
    'encuentro.attendance.undoCheckIn': ({ id }) => {
      const encuentroId = tx(() => setCheckedIn(db(), id, false, now()));
      return { attendee: getAttendee(db(), id), counts: announce(encuentroId, id) };
    },
    'encuentro.attendance.previewImport': async ({ encuentroId, fileName, dataBase64 }) => (await readRoster(encuentroId, fileName, dataBase64)).preview,
    'encuentro.attendance.import': async ({ encuentroId, fileName, dataBase64 }) => {
      const plan = await readRoster(encuentroId, fileName, dataBase64);
      if (plan.errorCount > 0) throw new AppError('encuentro.error.import.hasErrors', { count: plan.errorCount }, { issues: plan.preview.issues });
      if (plan.rows.length === 0) throw new AppError('encuentro.error.import.nothing');
      const backup = await ctx.backup('antes-de-importar', { fileName });
      tx(() => {
        for (const row of plan.rows) insertAttendee(db(), encuentroId, row.fields, { checkIn: false, source: 'import', now: now() });
      });
      announce(encuentroId, null);
      return { created: plan.rows.length, skipped: plan.preview.duplicateCount, backupName: backup.name };
    },
  };
}
