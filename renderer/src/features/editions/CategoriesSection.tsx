import type { Category } from '../../../../shared/domain/types';
import { t } from '../../../../shared/i18n';
import { CategoryForm } from './CategoryForm';
import { useStructureMutations } from './mutations';
import { StructureSection } from './StructureSection';

/** The edition's categories (ejes temáticos), in the order the bases list them. */
export function CategoriesSection({ editionId, categories, readOnly }: { editionId: number; categories: Category[]; readOnly: boolean }) {
  return (
    <StructureSection
      structure="categories"
      itemId="category"
      editionId={editionId}
      items={categories}
      readOnly={readOnly}
      mutations={useStructureMutations('categories')}
      columns={[
        {
          header: t('categories.field.name'),
          cell: (category) => (
            <>
              {category.name}
              {category.description && <div className="muted small">{category.description}</div>}
            </>
          ),
        },
        { header: t('categories.col.entries'), numeric: true, cell: (category) => category.entryCount },
      ]}
      form={({ item, onSubmit, onCancel }) => <CategoryForm category={item} onSubmit={onSubmit} onCancel={onCancel} />}
    />
  );
}
