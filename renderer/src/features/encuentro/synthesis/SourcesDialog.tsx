import { useState } from 'react';
import type { EncuentroDetail, SynthesisItem } from '../../../../../shared/domain/encuentro-types';
import { blockShortLabel, levelLabel } from '../../../../../shared/domain/encuentro-matrix';
import { t } from '../../../../../shared/i18n';
import { Dialog } from '../../../components/Dialog';
import { QueryStatus } from '../../../components/QueryStatus';
import { errorText } from '../../../lib/errors';
import { short } from '../capture/ItemEditor';
import { FormFooter } from '../../../components/FormFooter';
import { useSetSynthesisSources } from '../mutations';
import { useSalaContributions } from '../queries';

/**
 * Which of the sala's contributions a synthesis item comes from: add one merged too few, drop
 * one merged by mistake — without merging again and retyping the wording. Space ticks a line;
 * the list is in the matrix's order, the item's current sources ticked.
 */
export function SourcesDialog({ detail, item, onClose }: { detail: EncuentroDetail; item: SynthesisItem; onClose(): void }) {
  const contributions = useSalaContributions(detail.id, item.salaId);
  const [picked, setPicked] = useState<number[]>(item.sources.map((s) => s.contributionId));
  const [error, setError] = useState<string | null>(null);
  const setSources = useSetSynthesisSources();
  const practiceName = (id: number) => detail.practices.find((p) => p.id === id)?.igedName ?? '';
  const toggle = (id: number) => setPicked((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));
  const submit = async () => {
    try {
      await setSources.mutateAsync({ id: item.id, contributionIds: picked });
      onClose();
    } catch (caught) {
      setError(errorText(caught));
    }
  };
  // A source deleted since it was linked is not in the sala's list: it stays offered, to keep or drop.
  const deleted = item.sources.filter((s) => s.deleted);
  return (
    <Dialog title={t('encuentroUi.synthesis.sourcesTitle', { text: short(item.text) })} onClose={onClose} size="large">
      <QueryStatus query={contributions}>
        {(list) => (
          <fieldset className="source-list">
            <legend className="sr-only">{t('encuentroUi.synthesis.sourcesLegend')}</legend>
            {[...list.map((c) => ({ contributionId: c.id, practiceId: c.practiceId, block: c.block, level: c.level, text: c.text, deleted: false })), ...deleted].map((c, index) => (
              <label key={c.contributionId} className="checkbox-line">
                <input type="checkbox" checked={picked.includes(c.contributionId)} onChange={() => toggle(c.contributionId)} {...(index === 0 ? { 'data-autofocus': true } : {})} /> {c.text}{' '}
                <span className="muted small">
                  ({practiceName(c.practiceId)}, {blockShortLabel(c.block)}, {levelLabel(c.level)}
                  {c.deleted ? `, ${t('encuentroUi.synthesis.sourceDeleted')}` : ''})
                </span>
              </label>
            ))}
          </fieldset>
        )}
      </QueryStatus>
      <FormFooter error={error} onCancel={onClose} confirmLabel={t('encuentroUi.synthesis.sourcesSave', { count: picked.length })} onConfirm={() => void submit()} />
    </Dialog>
  );
}
