import type { Category } from '../../../../shared/domain/types';
import { t } from '../../../../shared/i18n';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { ItemActions, movedIds } from '../../components/ItemActions';
import { CategoryForm } from './CategoryForm';
import { useCreateCategory, useDeleteCategory, useReorderCategories, useUpdateCategory } from './mutations';
import { useSectionState } from './useSectionState';

/** The edition's categories (ejes temáticos), in the order the bases list them. */
export function CategoriesSection({ editionId, categories, readOnly }: { editionId: number; categories: Category[]; readOnly: boolean }) {
  const state = useSectionState<Category>('category');
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const remove = useDeleteCategory();
  const reorder = useReorderCategories();
  const ids = categories.map((c) => c.id);

  return (
    <section className="panel" aria-labelledby="categories-heading">
      <div className="panel-header">
        <h2 id="categories-heading">{t('categories.title')}</h2>
        <button type="button" onClick={state.startNew} disabled={readOnly}>
          {t('categories.add')}
        </button>
      </div>
      {categories.length === 0 ? (
        <p className="empty">{t('categories.empty')}</p>
      ) : (
        <table className="data-table compact">
          <caption className="sr-only">{t('categories.title')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">{t('common.order')}</th>
              <th scope="col">{t('categories.field.name')}</th>
              <th scope="col" className="num">{t('categories.col.entries')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {categories.map((category, index) => (
              <tr key={category.id}>
                <td className="num">{index + 1}</td>
                <td>
                  {category.name}
                  {category.description && <div className="muted small">{category.description}</div>}
                </td>
                <td className="num">{category.entryCount}</td>
                <td>
                  <ItemActions
                    name={category.name}
                    index={index}
                    count={categories.length}
                    buttonId={`category-${category.id}`}
                    disabled={readOnly}
                    onMove={(delta) => state.move(() => reorder.mutateAsync({ editionId, orderedIds: movedIds(ids, index, delta) }), category, delta)}
                    onEdit={() => state.startEdit(category)}
                    onDelete={() => state.askDelete(category)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state.editing && (
        <Dialog title={state.editing.item ? t('categories.editTitle') : t('categories.add')} onClose={state.stopEditing}>
          <CategoryForm
            category={state.editing.item}
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
          title={t('categories.deleteTitle')}
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
          <p>{t('categories.deleteConfirm', { name: state.deleting.name })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
