import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import type { SummaryItem } from '../../../../../shared/domain/encuentro-types';
import { SYNTHESIS_AXES, SYNTHESIS_LEVELS, synthesisAxisLabel, type SynthesisAxis, type SynthesisLevel } from '../../../../../shared/domain/encuentro-matrix';
import { t } from '../../../../../shared/i18n';
import { call } from '../../../api/client';
import { useAnnounce } from '../../../app/announcer';
import { QueryStatus } from '../../../components/QueryStatus';
import { ScreenTitle } from '../../../components/ScreenTitle';
import { errorText } from '../../../lib/errors';
import { short } from '../capture/ItemEditor';
import { UndoBar } from '../capture/UndoBar';
import { EncuentroBreadcrumb } from '../EncuentroBreadcrumb';
import { EncuentroTabs } from '../EncuentroTabs';
import { ExportButtons } from '../ExportButtons';
import { useCreateSummaryItem, useDeleteSummaryItem, useReorderSummary, useRestoreSummaryItem } from '../mutations';
import { encuentroKeys, useEncuentro, useSummary } from '../queries';
import { OrganizerOnly } from '../../sede/device-scope';
import { saveResult } from './AutosaveText';
import { MatrixItem, shiftedCell } from './MatrixItem';

/** The organizers' cross-sala summary: the main actions per level, as in the report's executive summary. */
export function SummaryScreen({ encuentroId }: { encuentroId: number }) {
  const encuentro = useEncuentro(encuentroId);
  const summary = useSummary(encuentroId);
  const salas = encuentro.data?.salas ?? [];
  const syntheses = useQueries({
    queries: salas.map((s) => ({ queryKey: encuentroKeys.synthesis(s.id), queryFn: () => call('encuentro.synthesis.get', { salaId: s.id }) })),
  });
  const create = useCreateSummaryItem();
  const remove = useDeleteSummaryItem();
  const restore = useRestoreSummaryItem();
  const reorder = useReorderSummary();
  const announce = useAnnounce();
  const [deleted, setDeleted] = useState<SummaryItem | null>(null);
  const fail = (error: unknown) => announce(errorText(error), 'error');
  const candidates = syntheses.flatMap((q) => (q.data ? q.data.cells.flatMap((c) => c.items.map((item) => ({ item, sala: q.data.sala.name }))) : []));

  const shift = (items: SummaryItem[], index: number, delta: -1 | 1) => {
    const order = shiftedCell(items, index, delta);
    if (order) reorder.mutate({ encuentroId, ...order }, { onError: fail });
  };

  return (
    <section className="encuentro-screen">
      <EncuentroBreadcrumb encuentroId={encuentroId} name={encuentro.data?.name} />
      <ScreenTitle
        actions={
          <OrganizerOnly>
            <ExportButtons encuentroId={encuentroId} />
          </OrganizerOnly>
        }
      >{t('encuentroUi.summary.title')}</ScreenTitle>
      <EncuentroTabs encuentroId={encuentroId} current="summary" />
      <p className="lead">{t('encuentroUi.summary.intro')}</p>
      <QueryStatus query={summary}>
        {(table) => (
          <>
            {SYNTHESIS_AXES.map((axis) => (
              <section key={axis} className="panel" aria-labelledby={`summary-${axis}`}>
                <h2 id={`summary-${axis}`}>{t(`encuentroUi.summary.axis.${axis}`)}</h2>
                {SYNTHESIS_LEVELS.map((level) => {
                  const items = table.cells.find((c) => c.level === level && c.axis === axis)?.items ?? [];
                  const cellName = `${t(`encuentro.summaryLevel.${level}`)} — ${synthesisAxisLabel(axis)}`;
                  return (
                    <div key={level}>
                      <h3>{t(`encuentro.summaryLevel.${level}`)}</h3>
                      <ul className="synthesis-items">
                        {items.map((item, index) => (
                          <MatrixItem
                            key={item.id}
                            item={item}
                            index={index}
                            count={items.length}
                            cellName={cellName}
                            sources={item.sources.map((s) => `«${short(s.text)}» (${s.salaName})`).join('; ')}
                            save={async (text, revision, base) => saveResult(await call('encuentro.summary.updateItem', { id: item.id, text, revision, ...base }))}
                            onShift={(delta) => shift(items, index, delta)}
                            onDelete={() => remove.mutate({ id: item.id }, { onSuccess: () => setDeleted(item), onError: fail })}
                          />
                        ))}
                      </ul>
                      <AddSummaryItem
                        cellName={cellName}
                        candidates={candidates.filter((c) => c.item.level === level && c.item.axis === axis)}
                        onAdd={(text, ids) => create.mutate({ encuentroId, level: level as SynthesisLevel, axis: axis as SynthesisAxis, text, synthesisItemIds: ids }, { onError: fail })}
                      />
                    </div>
                  );
                })}
              </section>
            ))}
          </>
        )}
      </QueryStatus>
      {deleted && (
        <UndoBar
          message={t('encuentroUi.synthesis.deleted', { text: short(deleted.text) })}
          onUndo={() => restore.mutate({ id: deleted.id }, { onSuccess: () => setDeleted(null), onError: fail })}
        />
      )}
    </section>
  );
}

function AddSummaryItem({
  cellName,
  candidates,
  onAdd,
}: {
  cellName: string;
  candidates: { item: { id: number; text: string }; sala: string }[];
  onAdd(text: string, synthesisItemIds: number[]): void;
}) {
  const [choice, setChoice] = useState('');
  return (
    <div className="button-group">
      <button type="button" className="link-button" onClick={() => onAdd('', [])}>
        {t('encuentroUi.synthesis.addItem', { cell: cellName })}
      </button>
      {candidates.length > 0 && (
        <>
          <select aria-label={t('encuentroUi.summary.fromSynthesis', { cell: cellName })} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">{t('encuentroUi.summary.chooseSynthesis')}</option>
            {candidates.map((c) => (
              <option key={c.item.id} value={c.item.id}>
                {`${c.sala}: ${short(c.item.text)}`}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={choice === ''}
            onClick={() => {
              const found = candidates.find((c) => String(c.item.id) === choice);
              if (found) onAdd(found.item.text, [found.item.id]);
              setChoice('');
            }}
          >
            {t('encuentroUi.summary.addFromSynthesis')}
          </button>
        </>
      )}
    </div>
  );
}
