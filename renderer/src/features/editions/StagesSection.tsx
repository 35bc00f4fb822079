import type { Stage } from '../../../../shared/domain/types';
import { formatNumber, t } from '../../../../shared/i18n';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { ItemActions, movedIds } from '../../components/ItemActions';
import { useCreateStage, useDeleteStage, useReorderStages, useUpdateStage } from './mutations';
import { StageForm } from './StageForm';
import { useSectionState } from './useSectionState';

/** The contest's stages in order (admisibilidad → evaluación → verificación en campo → final). */
export function StagesSection({ editionId, stages, readOnly }: { editionId: number; stages: Stage[]; readOnly: boolean }) {
  const state = useSectionState<Stage>('stage');
  const create = useCreateStage();
  const update = useUpdateStage();
  const remove = useDeleteStage();
  const reorder = useReorderStages();
  const ids = stages.map((s) => s.id);

  return (
    <section className="panel" aria-labelledby="stages-heading">
      <div className="panel-header">
        <h2 id="stages-heading">{t('stages.title')}</h2>
        <button type="button" onClick={state.startNew} disabled={readOnly}>
          {t('stages.add')}
        </button>
      </div>
      {stages.length === 0 ? (
        <p className="empty">{t('stages.empty')}</p>
      ) : (
        <table className="data-table compact">
          <caption className="sr-only">{t('stages.title')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">{t('common.order')}</th>
              <th scope="col">{t('stages.field.name')}</th>
              <th scope="col" className="num">{t('stages.field.cutoff')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {stages.map((stage, index) => (
              <tr key={stage.id}>
                <td className="num">{index + 1}</td>
                <td>{stage.name}</td>
                <td className="num">{stage.cutoff === null ? t('stages.noCutoff') : formatNumber(stage.cutoff)}</td>
                <td>
                  <ItemActions
                    name={stage.name}
                    index={index}
                    count={stages.length}
                    buttonId={`stage-${stage.id}`}
                    disabled={readOnly}
                    onMove={(delta) => state.move(() => reorder.mutateAsync({ editionId, orderedIds: movedIds(ids, index, delta) }), stage, delta)}
                    onEdit={() => state.startEdit(stage)}
                    onDelete={() => state.askDelete(stage)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state.editing && (
        <Dialog title={state.editing.item ? t('stages.editTitle') : t('stages.add')} onClose={state.stopEditing}>
          <StageForm
            stage={state.editing.item}
            onCancel={state.stopEditing}
            onSubmit={async (fields) => {
              const item = state.editing?.item;
              const saved = item ? await update.mutateAsync({ id: item.id, fields }) : await create.mutateAsync({ editionId, fields });
              state.stopEditing();
              state.announce(t('common.savedNamed', { name: saved.name }));
            }}
          />
        </Dialog>
      )}
      {state.deleting && (
        <ConfirmDialog
          title={t('stages.deleteTitle')}
          confirmLabel={t('common.delete')}
          danger
          onClose={state.stopDeleting}
          onConfirm={async () => {
            const item = state.deleting;
            if (!item) return;
            await remove.mutateAsync({ id: item.id });
            state.announce(t('common.deletedNamed', { name: item.name }));
          }}
        >
          <p>{t('stages.deleteConfirm', { name: state.deleting.name })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
