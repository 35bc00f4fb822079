import { useState } from 'react';
import type { EditionSummary } from '../../../../shared/domain/types';
import { t } from '../../../../shared/i18n';
import { useAnnounce } from '../../app/announcer';
import { useCurrentEditionChoice } from '../../app/current-edition';
import { hrefOf, navigate } from '../../app/router';
import { Dialog } from '../../components/Dialog';
import { QueryStatus } from '../../components/QueryStatus';
import { ScreenTitle } from '../../components/ScreenTitle';
import { CheckboxField } from '../../components/fields';
import { errorText } from '../../lib/errors';
import { EditionForm, editionFormValues } from './EditionForm';
import { useCopyEdition, useCreateEdition, useSetArchived } from './mutations';
import { useEditions } from './queries';

type Editing = { kind: 'create' } | { kind: 'copy'; source: EditionSummary } | null;

/** All editions of the contest: create one, copy last year's structure, archive old ones. */
export function EditionsScreen() {
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const editions = useEditions(showArchived);
  const create = useCreateEdition();
  const copy = useCopyEdition();
  const setArchived = useSetArchived();
  const announce = useAnnounce();
  const { setEditionId } = useCurrentEditionChoice();

  const toggleArchived = (edition: EditionSummary) => {
    setArchived.mutate(
      { id: edition.id, archived: !edition.archived },
      {
        onSuccess: (saved) => announce(t(saved.archived ? 'editions.archived' : 'editions.unarchived', { name: saved.name })),
        onError: (error) => announce(errorText(error), 'error'),
      },
    );
  };

  return (
    <section>
      <ScreenTitle
        actions={
          <button type="button" className="primary" onClick={() => setEditing({ kind: 'create' })}>
            {t('editions.new')}
          </button>
        }
      >
        {t('editions.title')}
      </ScreenTitle>
      <p className="lead">{t('editions.intro')}</p>
      <CheckboxField label={t('editions.showArchived')} checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
      <QueryStatus query={editions}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('editions.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table">
                <caption className="sr-only">{t('editions.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('editions.field.year')}</th>
                    <th scope="col">{t('editions.field.name')}</th>
                    <th scope="col" className="num">{t('editions.col.categories')}</th>
                    <th scope="col" className="num">{t('editions.col.criteria')}</th>
                    <th scope="col" className="num">{t('editions.col.stages')}</th>
                    <th scope="col" className="num">{t('editions.col.entries')}</th>
                    <th scope="col">{t('editions.col.state')}</th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((edition) => (
                    <tr key={edition.id} className={edition.archived ? 'row-archived' : undefined}>
                      <td>{edition.year}</td>
                      <td>
                        <a href={hrefOf({ name: 'edition', id: edition.id })}>{edition.name}</a>
                        {edition.lema && <div className="muted small">{edition.lema}</div>}
                      </td>
                      <td className="num">{edition.categoryCount}</td>
                      <td className="num">{edition.criterionCount}</td>
                      <td className="num">{edition.stageCount}</td>
                      <td className="num">{edition.entryCount}</td>
                      <td>
                        <span className={`badge ${edition.archived ? 'badge-muted' : 'badge-ok'}`}>
                          {t(edition.archived ? 'editions.state.archived' : 'editions.state.active')}
                        </span>
                        {edition.isDemo && <span className="badge badge-info">{t('editions.state.demo')}</span>}
                      </td>
                      <td>
                        <div className="actions">
                        <button type="button" onClick={() => setEditing({ kind: 'copy', source: edition })} aria-label={t('editions.copyOf', { name: edition.name })}>
                          {t('editions.copy')}
                        </button>
                        <button
                          type="button"
                          onClick={() => toggleArchived(edition)}
                          aria-label={t(edition.archived ? 'editions.unarchiveNamed' : 'editions.archiveNamed', { name: edition.name })}
                        >
                          {t(edition.archived ? 'editions.unarchive' : 'editions.archive')}
                        </button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryStatus>

      {editing?.kind === 'create' && (
        <Dialog title={t('editions.new')} onClose={() => setEditing(null)} size="large">
          <EditionForm
            defaultValues={editionFormValues()}
            submitLabel={t('editions.create')}
            onCancel={() => setEditing(null)}
            onSubmit={async (fields) => {
              const saved = await create.mutateAsync(fields);
              setEditing(null);
              setEditionId(saved.id);
              announce(t('editions.created', { name: saved.name }));
              navigate({ name: 'edition', id: saved.id });
            }}
          />
        </Dialog>
      )}
      {editing?.kind === 'copy' && (
        <Dialog title={t('editions.copyTitle', { name: editing.source.name })} onClose={() => setEditing(null)} size="large">
          <p className="muted">{t('editions.copyExplain')}</p>
          <EditionForm
            defaultValues={{ ...editionFormValues(), year: editing.source.year + 1, name: t('editions.copyDefaultName', { name: editing.source.name }) }}
            submitLabel={t('editions.copyConfirm')}
            onCancel={() => setEditing(null)}
            onSubmit={async (fields) => {
              const saved = await copy.mutateAsync({ sourceId: editing.source.id, fields });
              setEditing(null);
              setEditionId(saved.id);
              announce(t('editions.copied', { name: saved.name }));
              navigate({ name: 'edition', id: saved.id });
            }}
          />
        </Dialog>
      )}
    </section>
  );
}
