import type { Category, Criterion } from '../../../../shared/domain/types';
import { formatNumber, t } from '../../../../shared/i18n';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { ItemActions, movedIds } from '../../components/ItemActions';
import { CriterionForm } from './CriterionForm';
import { useCreateCriterion, useDeleteCriterion, useReorderCriteria, useUpdateCriterion } from './mutations';
import { useSectionState } from './useSectionState';

interface CriteriaSectionProps {
  editionId: number;
  criteria: Criterion[];
  categories: Category[];
  readOnly: boolean;
}

/** Evaluation criteria with their weight share, scale and rubric. */
export function CriteriaSection({ editionId, criteria, categories, readOnly }: CriteriaSectionProps) {
  const state = useSectionState<Criterion>('criterion');
  const create = useCreateCriterion();
  const update = useUpdateCriterion();
  const remove = useDeleteCriterion();
  const reorder = useReorderCriteria();
  const ids = criteria.map((c) => c.id);
  // Independent criteria are shown to jurors but do not count in the weighted score.
  const totalWeight = criteria.filter((c) => !c.independent).reduce((sum, c) => sum + c.weight, 0);
  const categoryName = new Map(categories.map((c) => [c.id, c.name]));

  return (
    <section className="panel" aria-labelledby="criteria-heading">
      <div className="panel-header">
        <h2 id="criteria-heading">{t('criteria.title')}</h2>
        <button type="button" onClick={state.startNew} disabled={readOnly}>
          {t('criteria.add')}
        </button>
      </div>
      {criteria.length === 0 ? (
        <p className="empty">{t('criteria.empty')}</p>
      ) : (
        <table className="data-table compact">
          <caption className="sr-only">{t('criteria.title')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">{t('common.order')}</th>
              <th scope="col">{t('criteria.field.name')}</th>
              <th scope="col" className="num">{t('criteria.field.weight')}</th>
              <th scope="col">{t('criteria.field.scale')}</th>
              <th scope="col">{t('criteria.col.appliesTo')}</th>
              <th scope="col" className="num">{t('criteria.col.levels')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((criterion, index) => (
              <tr key={criterion.id}>
                <td className="num">{index + 1}</td>
                <td>
                  {criterion.name}
                  {criterion.independent && <span className="badge badge-info">{t('criteria.independentBadge')}</span>}
                </td>
                <td className="num">
                  {formatNumber(criterion.weight)}
                  {!criterion.independent && totalWeight > 0 && (
                    <div className="muted small">{t('criteria.share', { percent: formatNumber((criterion.weight / totalWeight) * 100, 1) })}</div>
                  )}
                </td>
                <td>{t('criteria.scaleText', { min: criterion.scaleMin, max: criterion.scaleMax, step: criterion.scaleStep })}</td>
                <td>
                  {criterion.categoryIds.length === 0
                    ? t('criteria.allCategories')
                    : criterion.categoryIds.map((id) => categoryName.get(id) ?? '').join(' · ')}
                </td>
                <td className="num">{criterion.levels.length}</td>
                <td>
                  <ItemActions
                    name={criterion.name}
                    index={index}
                    count={criteria.length}
                    buttonId={`criterion-${criterion.id}`}
                    disabled={readOnly}
                    onMove={(delta) => state.move(() => reorder.mutateAsync({ editionId, orderedIds: movedIds(ids, index, delta) }), criterion, delta)}
                    onEdit={() => state.startEdit(criterion)}
                    onDelete={() => state.askDelete(criterion)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state.editing && (
        <Dialog title={state.editing.item ? t('criteria.editTitle') : t('criteria.add')} onClose={state.stopEditing} size="large">
          <CriterionForm
            criterion={state.editing.item}
            categories={categories}
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
          title={t('criteria.deleteTitle')}
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
          <p>{t('criteria.deleteConfirm', { name: state.deleting.name })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
