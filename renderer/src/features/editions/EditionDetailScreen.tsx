import { useEffect } from 'react';
import { t } from '../../../../shared/i18n';
import { useAnnounce } from '../../app/announcer';
import { useCurrentEditionChoice } from '../../app/current-edition';
import { hrefOf } from '../../app/router';
import { QueryStatus } from '../../components/QueryStatus';
import { ScreenTitle } from '../../components/ScreenTitle';
import { errorText } from '../../lib/errors';
import { CategoriesSection } from './CategoriesSection';
import { CriteriaSection } from './CriteriaSection';
import { EditionForm, editionFormValues } from './EditionForm';
import { useSetArchived, useUpdateEdition } from './mutations';
import { useEdition } from './queries';
import { StagesSection } from './StagesSection';
import { useStageOverview } from '../jury/queries';
import { juryHref } from '../jury/routes';

/** One edition: its general data and the structure its bases define. */
export function EditionDetailScreen({ id }: { id: number }) {
  const edition = useEdition(id);
  // A closed stage freezes what its results depend on: the service refuses changes, and the screen says why up front.
  const frozenBy = useStageOverview(id).data?.find((s) => s.closed)?.stageName ?? null;
  const update = useUpdateEdition();
  const setArchived = useSetArchived();
  const announce = useAnnounce();
  const { setEditionId } = useCurrentEditionChoice();

  // Opening an edition makes it the one the other screens work on.
  useEffect(() => {
    if (edition.data) setEditionId(edition.data.id);
  }, [edition.data, setEditionId]);

  return (
    <QueryStatus query={edition}>
      {(data) => {
        const toggleArchived = () =>
          setArchived.mutate(
            { id: data.id, archived: !data.archived },
            {
              onSuccess: (saved) => announce(t(saved.archived ? 'editions.archived' : 'editions.unarchived', { name: saved.name })),
              onError: (error) => announce(errorText(error), 'error'),
            },
          );
        return (
          <section>
            <p className="breadcrumb">
              <a href={hrefOf({ name: 'editions' })}>{t('editions.title')}</a>
            </p>
            <ScreenTitle
              actions={
                <button type="button" onClick={toggleArchived} disabled={setArchived.isPending}>
                  {t(data.archived ? 'editions.unarchive' : 'editions.archive')}
                </button>
              }
            >
              {data.name}
            </ScreenTitle>
            {data.archived && (
              <p className="notice" role="note">
                {t('editions.archivedNotice')}
              </p>
            )}
            <section className="panel" aria-labelledby="general-heading">
              <h2 id="general-heading">{t('editions.general')}</h2>
              <EditionForm
                key={data.id}
                defaultValues={editionFormValues(data)}
                submitLabel={t('common.saveChanges')}
                readOnly={data.archived}
                onSubmit={async (fields) => {
                  const saved = await update.mutateAsync({ id: data.id, fields });
                  announce(t('common.savedNamed', { name: saved.name }));
                }}
              />
            </section>
            {frozenBy !== null && (
              <p className="notice" role="note" data-testid="edition-frozen">
                {t('juryUi.frozen.editionNotice', { stage: frozenBy })} <a href={juryHref({ name: 'jury', tab: 'stages' })}>{t('juryUi.frozen.link')}</a>
              </p>
            )}
            <CategoriesSection editionId={data.id} categories={data.categories} readOnly={data.archived || frozenBy !== null} />
            <CriteriaSection editionId={data.id} criteria={data.criteria} categories={data.categories} readOnly={data.archived || frozenBy !== null} />
            <StagesSection editionId={data.id} stages={data.stages} readOnly={data.archived} />
          </section>
        );
      }}
    </QueryStatus>
  );
}
