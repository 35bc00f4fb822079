import { useEffect, useMemo, useRef, useState } from 'react';
import type { ScoreGrid } from '../../../../../shared/domain/jury-types';
import { t } from '../../../../../shared/i18n';
import { call } from '../../../api/client';
import { useAnnounce } from '../../../app/announcer';
import { QueryStatus } from '../../../components/QueryStatus';
import { ScreenTitle } from '../../../components/ScreenTitle';
import { errorText } from '../../../lib/errors';
import { juryHref, worklistRoute } from '../routes';
import { useScoreGrid } from '../queries';
import { completeRows, useGridCells } from './grid-state';
import { ProgressLine } from './ProgressLine';
import { ScoreGridTable } from './ScoreGridTable';

/** Performance marks read by the grid benchmark (electron/bench/jury-grid.ts). */
export const GRID_MARKS = { start: 'juryGrid:start', data: 'juryGrid:data', visible: 'juryGrid:visible' } as const;

/** The juror's entries × criteria grid. */
export function GridScreen({ stageId, jurorId }: { stageId: number; jurorId: number }) {
  // Marked on the first render, right after navigation: the benchmark measures from here.
  useState(() => performance.mark(GRID_MARKS.start));
  const grid = useScoreGrid(stageId, jurorId);
  return <QueryStatus query={grid}>{(data) => <GridView key={`${stageId}-${jurorId}`} grid={data} />}</QueryStatus>;
}

function GridView({ grid }: { grid: ScoreGrid }) {
  useState(() => performance.mark(GRID_MARKS.data));
  useEffect(() => {
    // After the first paint: requestAnimationFrame runs before the frame's style, layout and
    // paint; a message posted from it is handled once that frame is painted (grid on screen).
    let live = true;
    const frame = window.requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        if (live) performance.mark(GRID_MARKS.visible);
      };
      channel.port2.postMessage(null);
    });
    return () => {
      live = false;
      window.cancelAnimationFrame(frame);
    };
  }, []);
  const cells = useGridCells(grid);
  const announce = useAnnounce();
  const afterRef = useRef<HTMLAnchorElement>(null);
  const [submitting, setSubmitting] = useState(false);
  const complete = useMemo(() => completeRows(grid, cells.rows), [grid, cells.rows]);

  const submitComplete = async () => {
    setSubmitting(true);
    let sent = 0;
    try {
      for (const index of complete) {
        const row = grid.rows[index];
        if (!row) continue;
        const sheet = await call('sheets.submit', { stageId: grid.stageId, jurorId: grid.jurorId, entryId: row.entryId });
        cells.setRowStatus(index, sheet.status);
        sent += 1;
      }
      announce(t('juryUi.grid.submitted', { count: sent }));
    } catch (error) {
      announce(errorText(error), 'error');
    } finally {
      const list = await call('scores.worklist', { stageId: grid.stageId, jurorId: grid.jurorId }).catch(() => null);
      if (list) cells.setProgress(list.progress);
      setSubmitting(false);
    }
  };

  const back = juryHref(worklistRoute(grid.stageId, grid.jurorId));
  return (
    <section className="grid-screen">
      <p className="breadcrumb">
        <a href={back}>{t('juryUi.worklist.back')}</a>
      </p>
      <ScreenTitle
        actions={
          <button type="button" onClick={() => void submitComplete()} disabled={submitting || complete.length === 0}>
            {submitting ? t('common.working') : t('juryUi.grid.submitComplete', { count: complete.length })}
          </button>
        }
      >
        {t('juryUi.grid.title')}
      </ScreenTitle>
      <div className="grid-toolbar">
        <ProgressLine done={cells.progress.done} total={cells.progress.total} />
        {grid.blindMode && <p className="muted small">{t('juryUi.blindNote')}</p>}
        <p className="muted small" aria-live="polite" data-testid="grid-last-saved">
          {cells.lastSaved}
        </p>
      </div>
      <p id="score-grid-help" className="muted small">
        {t('juryUi.grid.help')}
      </p>
      {grid.rows.length === 0 ? (
        <p className="empty">{t('juryUi.worklist.empty')}</p>
      ) : (
        <ScoreGridTable
          grid={grid}
          rows={cells.rows}
          onSave={cells.save}
          onRefuse={cells.refuse}
          onClearError={cells.clearError}
          onLeave={() => afterRef.current?.focus()}
        />
      )}
      <p>
        <a ref={afterRef} href={back}>
          {t('juryUi.worklist.back')}
        </a>
      </p>
    </section>
  );
}
