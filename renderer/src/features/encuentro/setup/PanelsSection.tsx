import type { EncuentroDetail, Panel } from '../../../../../shared/domain/encuentro-types';
import { t } from '../../../../../shared/i18n';
import { ejeName, practiceLabel } from './setup-labels';
import { ListPanel } from '../../../components/ListPanel';

/** The plenary panels: each an eje's practices in order of presentation, with its moderator. */
export function PanelsSection({ detail, onEdit, onDelete }: { detail: EncuentroDetail; onEdit(panel: Panel | null): void; onDelete(id: number, name: string): void }) {
  return (
    <ListPanel id="panels" title={t('encuentroUi.setup.panels')} addLabel={t('encuentroUi.setup.addPanel')} onAdd={() => onEdit(null)} addDisabled={detail.ejes.length === 0}>
      {detail.panels.length === 0 && <p className="empty">{t('encuentroUi.setup.noPanels')}</p>}
      {detail.panels.map((panel) => (
        <article key={panel.id} className="setup-card">
          <h3>{panel.title || ejeName(detail, panel.ejeId)}</h3>
          <p className="muted small">
            {t('encuentroUi.setup.ejeOf', { eje: ejeName(detail, panel.ejeId) })}
            {panel.moderatorName && ` · ${t('encuentroUi.setup.moderatedBy', { name: panel.moderatorName, institution: panel.moderatorInstitution })}`}
          </p>
          <ol>
            {panel.practiceIds.map((id) => (
              <li key={id}>{practiceLabel(detail, id)}</li>
            ))}
          </ol>
          <div className="actions">
            <button type="button" onClick={() => onEdit(panel)}>
              {t('common.edit')}
            </button>
            <button type="button" className="danger-link" onClick={() => onDelete(panel.id, panel.title || ejeName(detail, panel.ejeId))}>
              {t('common.delete')}
            </button>
          </div>
        </article>
      ))}
    </ListPanel>
  );
}
