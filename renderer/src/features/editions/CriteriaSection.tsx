import type { Category, Criterion } from '../../../../shared/domain/types';
import { formatNumber, t } from '../../../../shared/i18n';
import { CriterionForm } from './CriterionForm';
import { useStructureMutations } from './mutations';
import { StructureSection } from './StructureSection';

interface CriteriaSectionProps {
  editionId: number;
  criteria: Criterion[];
  categories: Category[];
  readOnly: boolean;
}

/** Evaluation criteria with their weight share, scale and rubric. */
export function CriteriaSection({ editionId, criteria, categories, readOnly }: CriteriaSectionProps) {
  // Independent criteria are shown to jurors but do not count in the weighted score.
  const totalWeight = criteria.filter((c) => !c.independent).reduce((sum, c) => sum + c.weight, 0);
  const categoryName = new Map(categories.map((c) => [c.id, c.name]));

  return (
    <StructureSection
      structure="criteria"
      itemId="criterion"
      editionId={editionId}
      items={criteria}
      readOnly={readOnly}
      mutations={useStructureMutations('criteria')}
      dialogSize="large"
      columns={[
        {
          header: t('criteria.field.name'),
          cell: (criterion) => (
            <>
              {criterion.name}
              {criterion.independent && <span className="badge badge-info">{t('criteria.independentBadge')}</span>}
            </>
          ),
        },
        {
          header: t('criteria.field.weight'),
          numeric: true,
          cell: (criterion) => (
            <>
              {formatNumber(criterion.weight)}
              {!criterion.independent && totalWeight > 0 && (
                <div className="muted small">{t('criteria.share', { percent: formatNumber((criterion.weight / totalWeight) * 100, 1) })}</div>
              )}
            </>
          ),
        },
        { header: t('criteria.field.scale'), cell: (criterion) => t('criteria.scaleText', { min: criterion.scaleMin, max: criterion.scaleMax, step: criterion.scaleStep }) },
        {
          header: t('criteria.col.appliesTo'),
          cell: (criterion) =>
            criterion.categoryIds.length === 0 ? t('criteria.allCategories') : criterion.categoryIds.map((id) => categoryName.get(id) ?? '').join(' · '),
        },
        { header: t('criteria.col.levels'), numeric: true, cell: (criterion) => criterion.levels.length },
      ]}
      form={({ item, onSubmit, onCancel }) => <CriterionForm criterion={item} categories={categories} onSubmit={onSubmit} onCancel={onCancel} />}
    />
  );
}
