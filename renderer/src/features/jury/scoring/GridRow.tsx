import { memo, type ReactNode } from 'react';
import type { GridCriterion, ScoreGridRow } from '../../../../../shared/domain/jury-types';
import { t } from '../../../../../shared/i18n';
import { SheetStatusBadge } from '../common/labels';
import { ROW_HEIGHT } from './grid-layout';
import { cellApplies, type CellFeedback, type RowState } from './grid-state';
import { cellId } from './grid-keyboard';
import { scoreText } from './score-text';

export function CriterionHeader({ criterion }: { criterion: GridCriterion }) {
  return (
    <span className="criterion-head">
      {criterion.name}
      <span className="muted small">{t('juryUi.grid.scale', { min: criterion.scaleMin, max: criterion.scaleMax })}</span>
    </span>
  );
}

interface GridRowProps {
  viewIndex: number;
  row: ScoreGridRow;
  state: RowState;
  criteria: GridCriterion[];
  /** How many criteria, from the first, are rendered as cells; the others are one empty spacer cell. */
  shownCriteria: number;
  blind: boolean;
}

/**
 * The first `shown` criteria cells, then one aria-hidden spacer cell spanning the columns not yet
 * rendered, so that the fixed layout keeps every column at its place and width.
 */
function criteriaCells(shown: number, count: number, cell: (c: number) => ReactNode): ReactNode[] {
  const cells: ReactNode[] = [];
  for (let c = 0; c < shown; c++) cells.push(cell(c));
  if (shown < count) cells.push(<td key="not-yet" colSpan={count - shown} className="grid-gap" aria-hidden="true" />);
  return cells;
}

/** One entry's row; memoized so that a save or a keystroke elsewhere does not re-render it. */
export const GridRow = memo(function GridRow({ viewIndex, row, state, criteria, shownCriteria, blind }: GridRowProps) {
  // Cells say which column they are in (aria-colindex): until the rest are rendered, a row lacks some columns.
  const leading = blind ? 2 : 4;
  return (
    <tr aria-rowindex={viewIndex + 2} style={{ height: ROW_HEIGHT }}>
      <th scope="row" className="grid-code" title={row.code} aria-colindex={1}>
        {row.code}
      </th>
      <td className="grid-title" title={row.title} aria-colindex={2}>
        {row.title}
      </td>
      {!blind && (
        <>
          <td aria-colindex={3}>{row.igedName}</td>
          <td aria-colindex={4}>{row.region}</td>
        </>
      )}
      {criteriaCells(shownCriteria, criteria.length, (c) => {
        const criterion = criteria[c] as GridCriterion;
        return (
          <GridCell
            key={criterion.id}
            viewIndex={viewIndex}
            c={c}
            colIndex={leading + c + 1}
            row={row}
            criterion={criterion}
            applies={cellApplies(row, c)}
            value={state.values[c] ?? null}
            feedback={state.feedback[c]}
          />
        );
      })}
      <td aria-colindex={leading + criteria.length + 1}>
        <SheetStatusBadge status={state.status} />
      </td>
    </tr>
  );
});

interface GridCellProps {
  viewIndex: number;
  c: number;
  /** The cell's column in the whole table, from 1. */
  colIndex: number;
  row: ScoreGridRow;
  criterion: GridCriterion;
  applies: boolean;
  value: number | null;
  /** Absent while the cell is idle. */
  feedback: CellFeedback | undefined;
}

function GridCell({ viewIndex, c, colIndex, row, criterion, applies, value, feedback }: GridCellProps) {
  if (!applies) {
    return (
      <td className="num grid-cell not-applicable" aria-colindex={colIndex}>
        <span aria-label={t('juryUi.grid.notApplicable', { criterion: criterion.name })}>—</span>
      </td>
    );
  }
  const id = cellId(viewIndex, c);
  const text = scoreText(value);
  const phase = feedback?.phase ?? 'idle';
  return (
    <td className={`num grid-cell phase-${phase}`} aria-colindex={colIndex}>
      <input
        id={id}
        className="grid-input"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        defaultValue={text}
        data-saved={text}
        data-r={viewIndex}
        data-c={c}
        readOnly={!row.editable}
        aria-label={t('juryUi.grid.cellLabel', { code: row.code, criterion: criterion.name, min: criterion.scaleMin, max: criterion.scaleMax })}
        aria-invalid={phase === 'error' ? true : undefined}
        aria-describedby={phase === 'error' || phase === 'saved' ? `${id}-state` : undefined}
      />
      {phase === 'saving' && <span className="cell-state">{t('juryUi.score.saving')}</span>}
      {phase === 'saved' && (
        <span id={`${id}-state`} className="cell-state saved">
          {t('juryUi.score.saved')}
        </span>
      )}
      {phase === 'error' && (
        <span id={`${id}-state`} className="cell-error" role="alert">
          {feedback?.message}
        </span>
      )}
    </td>
  );
}
