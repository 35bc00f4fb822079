import type { Database } from 'better-sqlite3';

/**
 * Jury scoring: jurors and their affiliations, panels, conflicts of interest, assignments,
 * scores and score sheets, the stage lock, per-edition jury settings and the hash-chained
 * audit log. Consolidation (shared/scoring, services/jury/results) only reads these.
 *
 * Conventions shared by every table here:
 * - timestamps are ISO-8601 UTC strings from ctx.now();
 * - `actor` is a machine label: 'organizer', 'juror:<id>' or 'workbook:<juror id>'
 *   (the UI translates it through the catalog);
 * - a score sheet is the unit a juror submits: one juror × one entry × one stage.
 */
export function up(db: Database): void {
  db.exec(`
    -- Per-edition jury settings. One row per edition, created lazily with the defaults below.
    --   blind_mode: jurors receive entries without IGED and region.
    --   conflict_*: which automatic conflict rules apply (see electron/services/jury/conflicts/detect.ts):
    --     same_iged   juror affiliated with the entry's IGED;
    --     parent_dre  juror affiliated with the DRE/GRE above the entry's UGEL;
    --     same_region juror affiliated with the entry's region (directly or through an IGED there).
    --   jurors_per_entry: default N for automatic assignment.
    --   disagreement_threshold: fraction of the scale range (0.25 = 25 %) beyond which jurors' totals
    --     for one entry are flagged for discussion.
    --   tie_break_chain: JSON array of TieBreakStep (shared/domain/jury-types.ts), applied in order;
    --     never random — the last step is normally an organizer decision (table tie_decision).
    --   consolidation_method: the method the acta uses ('mean' | 'median' | 'trimmed' | 'zscore').
    CREATE TABLE jury_settings (
      edition_id INTEGER PRIMARY KEY REFERENCES edition(id) ON DELETE CASCADE,
      blind_mode INTEGER NOT NULL DEFAULT 0 CHECK (blind_mode IN (0, 1)),
      conflict_same_iged INTEGER NOT NULL DEFAULT 1 CHECK (conflict_same_iged IN (0, 1)),
      conflict_parent_dre INTEGER NOT NULL DEFAULT 1 CHECK (conflict_parent_dre IN (0, 1)),
      conflict_same_region INTEGER NOT NULL DEFAULT 0 CHECK (conflict_same_region IN (0, 1)),
      jurors_per_entry INTEGER NOT NULL DEFAULT 3 CHECK (jurors_per_entry BETWEEN 1 AND 50),
      disagreement_threshold REAL NOT NULL DEFAULT 0.25 CHECK (disagreement_threshold > 0 AND disagreement_threshold <= 1),
      tie_break_chain TEXT NOT NULL DEFAULT '[{"kind":"higherMedian"},{"kind":"smallerSpread"},{"kind":"organizerDecision"}]',
      consolidation_method TEXT NOT NULL DEFAULT 'mean' CHECK (consolidation_method IN ('mean', 'median', 'trimmed', 'zscore')),
      updated_at TEXT NOT NULL
    ) STRICT;

    -- A member of the jury of one edition. A withdrawn juror keeps their rows (assignments,
    -- submitted sheets, audit) but receives no new assignments; "top up" replaces them.
    CREATE TABLE juror (
      id INTEGER PRIMARY KEY,
      edition_id INTEGER NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL,
      institution TEXT NOT NULL DEFAULT '',
      cargo TEXT NOT NULL DEFAULT '',
      email TEXT NOT NULL DEFAULT '',
      withdrawn_at TEXT,
      withdrawn_reason TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (edition_id, name_key)
    ) STRICT;

    -- Where a juror works or has worked: an IGED (DRE/GRE or UGEL) or a whole region.
    -- The source of automatic conflicts of interest.
    CREATE TABLE juror_affiliation (
      id INTEGER PRIMARY KEY,
      juror_id INTEGER NOT NULL REFERENCES juror(id) ON DELETE CASCADE,
      iged_id INTEGER REFERENCES iged(id),
      region TEXT,
      note TEXT NOT NULL DEFAULT '',
      CHECK ((iged_id IS NULL) <> (region IS NULL))
    ) STRICT;
    CREATE INDEX juror_affiliation_juror ON juror_affiliation(juror_id);

    -- The jurors who evaluate one category in one stage. category_id NULL is the stage's general
    -- panel, used for entries whose category has no panel of its own (and entries without category).
    CREATE TABLE panel (
      id INTEGER PRIMARY KEY,
      stage_id INTEGER NOT NULL REFERENCES stage(id) ON DELETE CASCADE,
      category_id INTEGER REFERENCES category(id) ON DELETE CASCADE,
      name TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX panel_stage_category ON panel(stage_id, category_id) WHERE category_id IS NOT NULL;
    CREATE UNIQUE INDEX panel_stage_general ON panel(stage_id) WHERE category_id IS NULL;

    CREATE TABLE panel_member (
      panel_id INTEGER NOT NULL REFERENCES panel(id) ON DELETE CASCADE,
      juror_id INTEGER NOT NULL REFERENCES juror(id) ON DELETE CASCADE,
      PRIMARY KEY (panel_id, juror_id)
    ) STRICT, WITHOUT ROWID;

    -- Conflicts of interest between a juror and an entry. basis:
    --   'iged' | 'dre' | 'region' — detected from affiliations under the edition's rules; kept in step
    --     with affiliations, entries and rules by the conflict refresh (rows that no longer apply are deleted);
    --   'declared' — declared by the juror (or by the organizer on their behalf), with a reason.
    -- A conflict is in force while dismissed_at IS NULL. Dismissal (organizer only) records a reason.
    -- A juror with a conflict in force is never assigned the entry and never sees its scores.
    CREATE TABLE conflict (
      id INTEGER PRIMARY KEY,
      edition_id INTEGER NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
      juror_id INTEGER NOT NULL REFERENCES juror(id) ON DELETE CASCADE,
      entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
      basis TEXT NOT NULL CHECK (basis IN ('iged', 'dre', 'region', 'declared')),
      detail TEXT NOT NULL DEFAULT '',
      declared_reason TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      dismissed_at TEXT,
      dismissed_reason TEXT NOT NULL DEFAULT '',
      UNIQUE (juror_id, entry_id, basis),
      CHECK (basis <> 'declared' OR declared_reason <> ''),
      CHECK (dismissed_at IS NULL OR dismissed_reason <> '')
    ) STRICT;
    CREATE INDEX conflict_edition ON conflict(edition_id, entry_id);

    -- Which juror evaluates which entry in which stage. source: 'manual' | 'auto' | 'topup'.
    -- seed: the PRNG seed of the automatic run that made it (NULL for manual).
    CREATE TABLE assignment (
      id INTEGER PRIMARY KEY,
      stage_id INTEGER NOT NULL REFERENCES stage(id) ON DELETE CASCADE,
      juror_id INTEGER NOT NULL REFERENCES juror(id) ON DELETE CASCADE,
      entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
      source TEXT NOT NULL CHECK (source IN ('manual', 'auto', 'topup')),
      seed INTEGER,
      created_at TEXT NOT NULL,
      UNIQUE (stage_id, juror_id, entry_id)
    ) STRICT;
    CREATE INDEX assignment_stage_entry ON assignment(stage_id, entry_id);

    -- One juror's evaluation of one entry in one stage (the "ficha"): overall comment,
    -- abstention ('abstain') or recusal ('recuse', which also records a declared conflict) with
    -- its reason, and submission. A submitted sheet is read-only until reopened with a reason;
    -- when the stage is closed, only a sheet reopened after the closing (reopened_at set,
    -- submitted_at NULL) is writable. Consolidation uses sheets with submitted_at set and
    -- abstention NULL.
    CREATE TABLE score_sheet (
      id INTEGER PRIMARY KEY,
      stage_id INTEGER NOT NULL REFERENCES stage(id) ON DELETE CASCADE,
      juror_id INTEGER NOT NULL REFERENCES juror(id) ON DELETE CASCADE,
      entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
      overall_comment TEXT NOT NULL DEFAULT '',
      abstention TEXT CHECK (abstention IN ('abstain', 'recuse')),
      abstention_reason TEXT NOT NULL DEFAULT '',
      submitted_at TEXT,
      reopened_at TEXT,
      reopen_reason TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL,
      UNIQUE (stage_id, juror_id, entry_id),
      CHECK (abstention IS NULL OR abstention_reason <> '')
    ) STRICT;
    CREATE INDEX score_sheet_stage_entry ON score_sheet(stage_id, entry_id);
    -- Finished sheets per juror: the "n of m" progress returned after every score write.
    CREATE INDEX score_sheet_done ON score_sheet(stage_id, juror_id) WHERE submitted_at IS NOT NULL OR abstention IS NOT NULL;

    -- One juror's score for one criterion of one entry in one stage. value NULL = not (yet) scored
    -- (the row may exist for its comment). Values are validated against the criterion's scale and
    -- step before they are written. The primary key serves per-stage, per-entry consolidation;
    -- score_by_juror serves a juror's own list and grid.
    CREATE TABLE score (
      stage_id INTEGER NOT NULL REFERENCES stage(id) ON DELETE CASCADE,
      entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
      juror_id INTEGER NOT NULL REFERENCES juror(id) ON DELETE CASCADE,
      criterion_id INTEGER NOT NULL REFERENCES criterion(id) ON DELETE CASCADE,
      value REAL,
      comment TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL,
      PRIMARY KEY (stage_id, entry_id, juror_id, criterion_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX score_by_juror ON score(stage_id, juror_id, entry_id);

    -- The jury state of a stage. No row, or closed_at NULL: open. Closed: every score is read-only
    -- except sheets reopened afterwards, one at a time, with a reason.
    CREATE TABLE stage_jury_state (
      stage_id INTEGER PRIMARY KEY REFERENCES stage(id) ON DELETE CASCADE,
      closed_at TEXT,
      closed_reason TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL
    ) STRICT;

    -- A recorded organizer decision that settles a tie the configured chain could not break
    -- (the last step of tie_break_chain). entry_ids: JSON array, best first.
    CREATE TABLE tie_decision (
      id INTEGER PRIMARY KEY,
      stage_id INTEGER NOT NULL REFERENCES stage(id) ON DELETE CASCADE,
      category_id INTEGER REFERENCES category(id) ON DELETE CASCADE,
      entry_ids TEXT NOT NULL,
      reason TEXT NOT NULL CHECK (reason <> ''),
      decided_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX tie_decision_stage ON tie_decision(stage_id);

    -- Append-only, hash-chained log of every jury change: score values and comments, sheet
    -- submission / abstention / reopening, stage closing and reopening, conflict dismissals,
    -- assignment changes, workbook imports. hash = SHA-256 hex of (prev_hash || canonical JSON of
    -- the row without hash); prev_hash of the first row is 64 zeros (electron/services/jury/audit/).
    -- No foreign keys on purpose: the log must outlive what it describes. The triggers refuse
    -- UPDATE and DELETE through the app; anyone editing the file directly breaks the chain, which
    -- jury.audit.verify reports.
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      edition_id INTEGER,
      stage_id INTEGER,
      juror_id INTEGER,
      entry_id INTEGER,
      criterion_id INTEGER,
      old_value TEXT,
      new_value TEXT,
      reason TEXT NOT NULL DEFAULT '',
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL UNIQUE
    ) STRICT;
    CREATE INDEX audit_log_stage ON audit_log(stage_id, entry_id);
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log es de solo anexado'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log es de solo anexado'); END;
  `);
}
