import type { EncuentroDetail, EncuentroPractice } from '../../../../../shared/domain/encuentro-types';
import { t } from '../../../../../shared/i18n';
import { ejeName } from './setup-labels';
import { ListPanel } from '../../../components/ListPanel';

/** The practices presented at the Encuentro, with their eje, IGED and presenter. */
export function PracticesSection({ detail, onEdit, onDelete }: { detail: EncuentroDetail; onEdit(practice: EncuentroPractice | null): void; onDelete(id: number, name: string): void }) {
  return (
    <ListPanel id="practices" title={t('encuentroUi.setup.practices')} addLabel={t('encuentroUi.setup.addPractice')} onAdd={() => onEdit(null)}>
      {detail.practices.length === 0 ? (
        <p className="empty">{t('encuentroUi.setup.noPractices')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="sr-only">{t('encuentroUi.setup.practices')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('encuentroUi.practice.eje')}</th>
                <th scope="col">{t('encuentroUi.practice.region')}</th>
                <th scope="col">{t('encuentroUi.practice.iged')}</th>
                <th scope="col">{t('encuentroUi.practice.title')}</th>
                <th scope="col">{t('encuentroUi.practice.presenter')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.practices.map((p) => (
                <tr key={p.id}>
                  <td>{ejeName(detail, p.ejeId)}</td>
                  <td>{p.region}</td>
                  <td>{p.igedName}</td>
                  <td>
                    {p.title}
                    {p.year ? ` (${p.year})` : ''}
                    {p.entryId === null && <span className="muted small">{` — ${t('encuentroUi.setup.byHand')}`}</span>}
                  </td>
                  <td>
                    {p.presenter}
                    {p.presenterCargo && <span className="muted small">{` (${p.presenterCargo})`}</span>}
                  </td>
                  <td>
                    <div className="actions">
                      <button type="button" onClick={() => onEdit(p)} aria-label={t('common.editNamed', { name: p.title })}>
                        {t('common.edit')}
                      </button>
                      <button type="button" className="danger-link" onClick={() => onDelete(p.id, p.title)} aria-label={t('common.deleteNamed', { name: p.title })}>
                        {t('common.delete')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ListPanel>
  );
}
