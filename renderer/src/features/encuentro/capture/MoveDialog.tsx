import { useState } from 'react';
import { CONTRIBUTION_BLOCKS, LEVELS_BY_BLOCK, blockShortLabel, levelLabel, type ContributionBlock, type ContributionLevel } from '../../../../../shared/domain/encuentro-matrix';
import { t } from '../../../../../shared/i18n';
import { Dialog } from '../../../components/Dialog';
import { SelectField } from '../../../components/fields';
import { FormFooter } from '../../../components/FormFooter';
import type { CaptureItem } from './capture-items';
import { short } from './ItemEditor';

const cellName = (block: ContributionBlock, level: ContributionLevel) => `${blockShortLabel(block)} — ${levelLabel(level)}`;

/**
 * Refiles a misfiled line under another block or level without retyping it (Alt+M on the line).
 * The list opens on the line's own cell; arrows pick another, Enter moves it.
 */
export function MoveDialog({ item, onClose, onMove }: { item: CaptureItem; onClose(): void; onMove(block: ContributionBlock, level: ContributionLevel): Promise<boolean> }) {
  const [target, setTarget] = useState(`${item.block}|${item.level}`);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const [block, level] = target.split('|') as [ContributionBlock, ContributionLevel];
    if (block === item.block && level === item.level) {
      onClose();
      return;
    }
    if (await onMove(block, level)) onClose();
    else setError(t('encuentroUi.capture.moveFailed'));
  };
  return (
    <Dialog title={t('encuentroUi.capture.moveTitle', { text: short(item.text) })} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <SelectField label={t('encuentroUi.capture.moveTarget')} value={target} onChange={(e) => setTarget(e.target.value)}
          onKeyDown={(e) => {
            // Enter on the list moves at once: the moderator's hands stay on the keyboard.
            if (e.key !== 'Enter') return;
            e.preventDefault();
            void submit();
          }}
          data-autofocus
        >
          {CONTRIBUTION_BLOCKS.flatMap((block) =>
            LEVELS_BY_BLOCK[block].map((level) => (
              <option key={`${block}|${level}`} value={`${block}|${level}`}>
                {cellName(block, level)}
              </option>
            )),
          )}
        </SelectField>
        <FormFooter error={error} onCancel={onClose} confirmLabel={t('encuentroUi.capture.moveConfirm')} />
      </form>
    </Dialog>
  );
}
