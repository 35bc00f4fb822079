import type { EncuentroDetail, Sala } from '../../../../../shared/domain/encuentro-types';
import { synthesisStatusLabel } from '../../../../../shared/domain/encuentro-matrix';
import { t } from '../../../../../shared/i18n';
import { ProjectorButton } from '../projector/ProjectorButton';
import { encuentroHref } from '../routes';
import { ejeName, practiceLabel } from './setup-labels';
import { ListPanel } from '../../../components/ListPanel';

/** The salas of the parallel sessions, each with the doors to its capture, synthesis and projector. */
export function SalasSection({ detail, onEdit, onDelete }: { detail: EncuentroDetail; onEdit(sala: Sala | null): void; onDelete(id: number, name: string): void }) {
  return (
    <ListPanel id="salas" title={t('encuentroUi.setup.salas')} addLabel={t('encuentroUi.setup.addSala')} onAdd={() => onEdit(null)} addDisabled={detail.ejes.length === 0}>
      {detail.salas.length === 0 && <p className="empty">{t('encuentroUi.setup.noSalas')}</p>}
      {detail.salas.map((sala) => (
        <article key={sala.id} className="setup-card">
          <h3>{sala.name}</h3>
          <p className="muted small">
            {t('encuentroUi.setup.ejeOf', { eje: ejeName(detail, sala.ejeId) })} · {t('encuentroUi.setup.synthesisStatus', { status: synthesisStatusLabel(sala.synthesisStatus) })}
            {sala.moderators.length > 0 && ` · ${t('encuentroUi.setup.moderators', { names: sala.moderators.map((m) => (m.institution ? `${m.name} (${m.institution})` : m.name)).join(', ') })}`}
          </p>
          <ul>
            {sala.practiceIds.map((id) => (
              <li key={id}>
                <a href={encuentroHref({ page: 'capture', encuentroId: detail.id, salaId: sala.id, practiceId: id })}>{practiceLabel(detail, id)}</a>
              </li>
            ))}
          </ul>
          <div className="actions">
            <a className="button primary" href={encuentroHref({ page: 'capture', encuentroId: detail.id, salaId: sala.id, practiceId: sala.practiceIds[0] ?? null })}>
              {t('encuentroUi.setup.capture', { sala: sala.name })}
            </a>
            <a className="button" href={encuentroHref({ page: 'synthesis', encuentroId: detail.id, salaId: sala.id })}>
              {t('encuentroUi.setup.synthesis')}
            </a>
            <ProjectorButton target={{ view: 'sala', salaId: sala.id }} />
            <button type="button" onClick={() => onEdit(sala)} aria-label={t('common.editNamed', { name: sala.name })}>
              {t('common.edit')}
            </button>
            <button type="button" className="danger-link" onClick={() => onDelete(sala.id, sala.name)} aria-label={t('common.deleteNamed', { name: sala.name })}>
              {t('common.delete')}
            </button>
          </div>
        </article>
      ))}
    </ListPanel>
  );
}
