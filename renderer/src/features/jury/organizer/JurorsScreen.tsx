import { useState } from 'react';
import type { Juror } from '../../../../../shared/domain/jury-types';
import type { Edition, Stage } from '../../../../../shared/domain/types';
import { t } from '../../../../../shared/i18n';
import { useAnnounce } from '../../../app/announcer';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Dialog } from '../../../components/Dialog';
import { QueryStatus } from '../../../components/QueryStatus';
import { errorText } from '../../../lib/errors';
import { ReasonDialog } from '../common/ReasonDialog';
import { useCreateJuror, useDeleteJuror, useReinstateJuror, useUpdateJuror, useWithdrawJuror } from '../mutations';
import { useJurors } from '../queries';
import { JurorForm } from './JurorForm';
import { OrganizerFrame } from './OrganizerFrame';
import { PanelsSection } from './PanelsSection';
import { TableWrap } from '../common/TableWrap';
import { ListPanel } from '../../../components/ListPanel';

/** The edition's jurors and, per stage, the panels that score each category. */
export function JurorsScreen() {
  return (
    <OrganizerFrame tab="jurors">
      {(edition) => (
        <>
          <JurorsSection edition={edition} />
          <PanelsFor edition={edition} />
        </>
      )}
    </OrganizerFrame>
  );
}

function PanelsFor({ edition }: { edition: Edition }) {
  return edition.stages.length === 0 ? <p className="empty">{t('juryUi.noStages')}</p> : <PanelsSection edition={edition} stages={edition.stages as Stage[]} />;
}

function JurorsSection({ edition }: { edition: Edition }) {
  const jurors = useJurors(edition.id);
  const create = useCreateJuror();
  const update = useUpdateJuror();
  const remove = useDeleteJuror();
  const withdraw = useWithdrawJuror();
  const reinstate = useReinstateJuror();
  const announce = useAnnounce();
  const [editing, setEditing] = useState<{ juror: Juror | null } | null>(null);
  const [withdrawing, setWithdrawing] = useState<Juror | null>(null);
  const [deleting, setDeleting] = useState<Juror | null>(null);
  return (
    <ListPanel id="jurors" title={t('juryUi.jurors.title')} addLabel={t('juryUi.jurors.add')} onAdd={() => setEditing({ juror: null })} addDisabled={edition.archived}>
      <QueryStatus query={jurors}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('juryUi.jurors.empty')}</p>
          ) : (
            <TableWrap label={t('juryUi.jurors.title')}>
              <table className="data-table compact">
                <caption className="sr-only">{t('juryUi.jurors.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('juryUi.jurors.name')}</th>
                    <th scope="col">{t('juryUi.jurors.institution')}</th>
                    <th scope="col">{t('juryUi.jurors.cargo')}</th>
                    <th scope="col">{t('juryUi.jurors.email')}</th>
                    <th scope="col">{t('juryUi.jurors.affiliations')}</th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((juror) => (
                    <tr key={juror.id} className={juror.withdrawn ? 'row-archived' : undefined}>
                      <th scope="row">
                        {juror.name}
                        {juror.withdrawn && <span className="badge badge-muted">{t('juryUi.jurors.withdrawn')}</span>}
                      </th>
                      <td>{juror.institution}</td>
                      <td>{juror.cargo}</td>
                      <td>{juror.email}</td>
                      <td>{juror.affiliations.map((a) => (a.kind === 'iged' ? a.igedName : t('juryUi.jurors.regionAffiliation', { region: a.region }))).join('; ') || '—'}</td>
                      <td>
                        <div className="actions">
                          <button type="button" onClick={() => setEditing({ juror })} aria-label={t('common.editNamed', { name: juror.name })}>
                            {t('common.edit')}
                          </button>
                          {juror.withdrawn ? (
                            <button
                              type="button"
                              onClick={() =>
                                reinstate.mutate(
                                  { id: juror.id },
                                  { onSuccess: () => announce(t('juryUi.jurors.reinstated', { name: juror.name })), onError: (e) => announce(errorText(e), 'error') },
                                )
                              }
                            >
                              {t('juryUi.jurors.reinstate')}
                            </button>
                          ) : (
                            <button type="button" onClick={() => setWithdrawing(juror)} aria-label={t('juryUi.jurors.withdrawNamed', { name: juror.name })}>
                              {t('juryUi.jurors.withdraw')}
                            </button>
                          )}
                          <button type="button" className="danger-link" onClick={() => setDeleting(juror)} aria-label={t('common.deleteNamed', { name: juror.name })}>
                            {t('common.delete')}
                          </button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </QueryStatus>
      {editing && (
        <Dialog title={editing.juror ? t('juryUi.jurors.editTitle') : t('juryUi.jurors.add')} onClose={() => setEditing(null)} size="large">
          <JurorForm
            juror={editing.juror}
            onCancel={() => setEditing(null)}
            onSubmit={async (fields) => {
              const saved = editing.juror ? await update.mutateAsync({ id: editing.juror.id, fields }) : await create.mutateAsync({ editionId: edition.id, fields });
              setEditing(null);
              announce(t('common.savedNamed', { name: saved.name }));
            }}
          />
        </Dialog>
      )}
      {withdrawing && (
        <ReasonDialog
          title={t('juryUi.jurors.withdrawTitle', { name: withdrawing.name })}
          confirmLabel={t('juryUi.jurors.withdraw')}
          danger
          onClose={() => setWithdrawing(null)}
          onSubmit={async (reason) => {
            await withdraw.mutateAsync({ id: withdrawing.id, reason });
            announce(t('juryUi.jurors.withdrawnDone', { name: withdrawing.name }));
          }}
        >
          <p>{t('juryUi.jurors.withdrawExplain')}</p>
        </ReasonDialog>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('juryUi.jurors.deleteTitle')}
          confirmLabel={t('common.delete')}
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await remove.mutateAsync({ id: deleting.id });
            announce(t('common.deletedNamed', { name: deleting.name }));
          }}
        >
          <p>{t('juryUi.jurors.deleteConfirm', { name: deleting.name })}</p>
        </ConfirmDialog>
      )}
    </ListPanel>
  );
}
