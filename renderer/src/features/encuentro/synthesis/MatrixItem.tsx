import type { ReactNode } from 'react';
import type { SynthesisAxis, SynthesisLevel } from '../../../../../shared/domain/encuentro-matrix';
import { t } from '../../../../../shared/i18n';
import { movedIds } from '../../../lib/order';
import { short } from '../capture/ItemEditor';
import { AutosaveText, type SaveBase, type SaveResult } from './AutosaveText';

// One item of a levels × axes table, as the sala synthesis (SynthesisScreen) and the organizers'
// summary (SummaryScreen) both show it: its text saved as it is typed, where it came from, and
// its actions. Each screen adds its own actions (the synthesis: sources and move to another cell).

interface MatrixItemProps {
  item: { id: number; text: string; revision: number };
  index: number;
  count: number;
  /** «UGEL — Sostenibilidad»: the cell, for the text box's label. */
  cellName: string;
  /** Where the item came from, already written out; nothing is shown when empty. */
  sources: string;
  save(text: string, revision: number, base: SaveBase): Promise<SaveResult>;
  onShift(delta: -1 | 1): void;
  onDelete(): void;
  /** A final synthesis shows its items without actions and does not let them be edited. */
  locked?: boolean;
  /** The text box's id, for a screen that moves the focus to a new item. */
  domId?: string;
  /** Actions between «move» and «delete». */
  children?: ReactNode;
}

export function MatrixItem({ item, index, count, cellName, sources, save, onShift, onDelete, locked = false, domId, children }: MatrixItemProps) {
  const name = short(item.text);
  return (
    <li>
      <AutosaveText id={domId} label={t('encuentroUi.synthesis.itemLabel', { n: index + 1, cell: cellName })} text={item.text} revision={item.revision} disabled={locked} save={save} />
      {sources && (
        <p className="synthesis-sources">
          {t('encuentroUi.synthesis.sources')} {sources}
        </p>
      )}
      {!locked && (
        <div className="actions">
          <button type="button" className="icon-button" aria-label={t('common.moveUp', { name })} aria-disabled={index === 0} onClick={() => onShift(-1)}>
            <span aria-hidden="true">↑</span>
          </button>
          <button type="button" className="icon-button" aria-label={t('common.moveDown', { name })} aria-disabled={index === count - 1} onClick={() => onShift(1)}>
            <span aria-hidden="true">↓</span>
          </button>
          {children}
          <button type="button" className="danger-link" onClick={onDelete} aria-label={t('common.deleteNamed', { name })}>
            {t('common.delete')}
          </button>
        </div>
      )}
    </li>
  );
}

/** The cell's new order after moving one item by one place; null when it is already at that end. */
export function shiftedCell(items: readonly { id: number; level: SynthesisLevel; axis: SynthesisAxis }[], index: number, delta: -1 | 1) {
  const first = items[0];
  const target = index + delta;
  if (!first || target < 0 || target >= items.length) return null;
  return { level: first.level, axis: first.axis, orderedIds: movedIds(items.map((i) => i.id), index, delta) };
}
