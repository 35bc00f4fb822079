import { useState } from 'react';
import type { Edition, Entry } from '../../../../shared/domain/types';
import { t } from '../../../../shared/i18n';
import { useAnnounce } from '../../app/announcer';
import { hrefOf, navigate } from '../../app/router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { QueryStatus } from '../../components/QueryStatus';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useCurrentEdition } from '../editions/current';
import { NoEdition } from '../editions/NoEdition';
import { useEdition } from '../editions/queries';
import { useIgeds, useRegions } from '../reference/queries';
import { EntryForm } from './EntryForm';
import { useCreateEntry, useDeleteEntry, useUpdateEntry } from './mutations';
import { useEntry } from './queries';
import { StatusPanel } from './StatusPanel';

/** One entry: its data, its status per stage; or a new entry when id is null. */
export function EntryDetailScreen({ id }: { id: number | null }) {
  const entry = useEntry(id);
  const current = useCurrentEdition();
  // An entry belongs to its own edition, which may not be the one selected in the header.
  const editionId = id === null ? (current.edition?.id ?? null) : (entry.data?.editionId ?? null);
  const edition = useEdition(editionId);
  if (id === null && !current.isPending && !current.edition) return <NoEdition title={t('entryForm.newTitle')} />;
  if (id !== null && !entry.data) return <QueryStatus query={entry}>{() => null}</QueryStatus>;
  return <QueryStatus query={edition}>{(data) => <EntryDetail edition={data} entry={entry.data ?? null} />}</QueryStatus>;
}

function EntryDetail({ edition, entry }: { edition: Edition; entry: Entry | null }) {
  const igeds = useIgeds();
  const regions = useRegions();
  const create = useCreateEntry();
  const update = useUpdateEntry();
  const remove = useDeleteEntry();
  const announce = useAnnounce();
  const [confirmDelete, setConfirmDelete] = useState(false);

  return (
    <section>
      <p className="breadcrumb">
        <a href={hrefOf({ name: 'entries' })}>{t('entries.titleOf', { edition: edition.name })}</a>
      </p>
      <ScreenTitle
        actions={
          entry &&
          !edition.archived && (
            <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
              {t('entryForm.delete')}
            </button>
          )
        }
      >
        {entry ? entry.title : t('entryForm.newTitle')}
      </ScreenTitle>
      {edition.archived && (
        <p className="notice" role="note">
          {t('editions.archivedNotice')}
        </p>
      )}
      <div className={entry ? 'detail-layout' : undefined}>
        <section className="panel" aria-labelledby="entry-data-heading">
          <h2 id="entry-data-heading">{t('entryForm.data')}</h2>
          <QueryStatus query={igeds}>
            {(igedList) => (
              <EntryForm
                key={entry?.id ?? 'new'}
                entry={entry}
                categories={edition.categories}
                igeds={igedList}
                regions={regions.data ?? []}
                readOnly={edition.archived}
                onSubmit={async (fields) => {
                  if (entry) {
                    const saved = await update.mutateAsync({ id: entry.id, fields });
                    announce(t('common.savedNamed', { name: saved.title }));
                  } else {
                    const saved = await create.mutateAsync({ editionId: edition.id, fields });
                    announce(t('entryForm.created', { code: saved.code }));
                    navigate({ name: 'entry', id: saved.id });
                  }
                }}
              />
            )}
          </QueryStatus>
        </section>
        {entry && <StatusPanel entry={entry} stages={edition.stages} readOnly={edition.archived} />}
      </div>
      {confirmDelete && entry && (
        <ConfirmDialog
          title={t('entryForm.deleteTitle')}
          confirmLabel={t('entryForm.delete')}
          danger
          onClose={() => setConfirmDelete(false)}
          onConfirm={async () => {
            await remove.mutateAsync({ id: entry.id });
            announce(t('common.deletedNamed', { name: entry.title }));
            navigate({ name: 'entries' });
          }}
        >
          <p>{t('entryForm.deleteConfirm', { code: entry.code, title: entry.title })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
