import type { KeyboardEvent } from 'react';
import { blockShortLabel, levelFromLabel, levelLabel, type ContributionBlock, type ContributionLevel } from '../../../../../shared/domain/encuentro-matrix';
import { t } from '../../../../../shared/i18n';
import { cellKey, type CaptureItem, type CaptureSnapshot } from './capture-items';
import type { CaptureStore } from './capture-store';
import { ItemEditor } from './ItemEditor';

interface CaptureCellProps {
  store: CaptureStore;
  snapshot: CaptureSnapshot;
  block: ContributionBlock;
  level: ContributionLevel;
  onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>, key: string): void;
  onHistory(item: CaptureItem): void;
  onMove(item: CaptureItem): void;
  onDelete(item: CaptureItem): void;
}

/** One cell of the matrix (a block at a level): its lines, then its ghost line for a new one. */
export function CaptureCell({ store, snapshot, block, level, onKeyDown, onHistory, onMove, onDelete }: CaptureCellProps) {
  const ck = cellKey(block, level);
  const items = snapshot.cells[ck] ?? [];
  const ghost = snapshot.ghosts[ck]!;
  const heading = block === 'limiting' || block === 'enabling' ? levelFromLabel(level) : levelLabel(level);
  return (
    <div className="capture-cell">
      <h4 id={`cell-${ck}`}>{heading}</h4>
      <ul className="capture-list" aria-labelledby={`cell-${ck}`}>
        {/* One flat keyed list: the ghost line keeps its DOM node (and focus) when it becomes an item. */}
        {[...items, null].map((item, i) => (
          <ItemEditor
            key={item ? item.key : ghost}
            store={store}
            itemKey={item ? item.key : ghost}
            item={item}
            kept={item !== null && (snapshot.journaledRevision[item.key] ?? -1) >= item.revision}
            block={block}
            level={level}
            label={
              item
                ? t('encuentroUi.capture.itemLabel', { n: i + 1, level: levelLabel(level), block: blockShortLabel(block) })
                : t('encuentroUi.capture.newLabel', { level: levelLabel(level), block: blockShortLabel(block) })
            }
            onKeyDown={onKeyDown}
            {...(item ? { onHistory, onMove, onDelete } : {})}
          />
        ))}
      </ul>
    </div>
  );
}
