import type { Stage } from '../../../../shared/domain/types';
import { formatNumber, t } from '../../../../shared/i18n';
import { useStructureMutations } from './mutations';
import { StageForm } from './StageForm';
import { StructureSection } from './StructureSection';

/** The contest's stages in order (admisibilidad → evaluación → verificación en campo → final). */
export function StagesSection({ editionId, stages, readOnly }: { editionId: number; stages: Stage[]; readOnly: boolean }) {
  return (
    <StructureSection
      structure="stages"
      itemId="stage"
      editionId={editionId}
      items={stages}
      readOnly={readOnly}
      mutations={useStructureMutations('stages')}
      columns={[
        { header: t('stages.field.name'), cell: (stage) => stage.name },
        { header: t('stages.field.cutoff'), numeric: true, cell: (stage) => (stage.cutoff === null ? t('stages.noCutoff') : formatNumber(stage.cutoff)) },
      ]}
      form={({ item, onSubmit, onCancel }) => <StageForm stage={item} onSubmit={onSubmit} onCancel={onCancel} />}
    />
  );
}
