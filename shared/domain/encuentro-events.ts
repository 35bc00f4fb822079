import type { AttendanceCounts } from './encuentro-attendance';
import type { Contribution, SummaryItem, SynthesisItem } from './encuentro-types';
import type { SynthesisStatus } from './encuentro-matrix';

/**
 * Events pushed while the Encuentro is live, so a projector or a second screen updates without
 * polling. They carry the changed record itself: a projector applies it directly (no refetch per
 * keystroke). Declared in shared/ so the renderer can type its listeners; electron/services/events.ts
 * merges them into ServerEvents.
 */
export interface EncuentroEvents {
  /** A contribution was created, retyped, moved, reordered, deleted or restored. */
  'encuentro.contribution': {
    encuentroId: number;
    practiceId: number;
    salaId: number | null;
    action: 'created' | 'updated' | 'moved' | 'deleted' | 'restored';
    contribution: Contribution;
  };
  /** A sala's plenary table changed; `item` is set when a single item changed. */
  'encuentro.synthesis': {
    encuentroId: number;
    salaId: number;
    action: 'itemSaved' | 'itemDeleted' | 'itemRestored' | 'reordered' | 'status';
    item: SynthesisItem | null;
    status: SynthesisStatus;
  };
  /** The cross-sala summary changed. */
  'encuentro.summary': {
    encuentroId: number;
    action: 'itemSaved' | 'itemDeleted' | 'itemRestored' | 'reordered';
    item: SummaryItem | null;
  };
  /** Registration or check-in changed: the live counts. */
  'encuentro.attendance': {
    encuentroId: number;
    attendeeId: number | null;
    counts: AttendanceCounts;
  };
}

export const ENCUENTRO_EVENT_NAMES = ['encuentro.contribution', 'encuentro.synthesis', 'encuentro.summary', 'encuentro.attendance'] as const satisfies readonly (keyof EncuentroEvents)[];
