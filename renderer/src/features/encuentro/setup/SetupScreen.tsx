import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { encuentroFields } from '../../../../../shared/domain/encuentro-schemas';
import type { EncuentroDetail, EncuentroPractice, Panel, Sala } from '../../../../../shared/domain/encuentro-types';
import { synthesisStatusLabel } from '../../../../../shared/domain/encuentro-matrix';
import { t } from '../../../../../shared/i18n';
import { useAnnounce } from '../../../app/announcer';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { FormError } from '../../../components/FormError';
import { FormFooter } from '../../../components/FormFooter';
import { QueryStatus } from '../../../components/QueryStatus';
import { ScreenTitle } from '../../../components/ScreenTitle';
import { errorText } from '../../../lib/errors';
import { useFormSubmit } from '../../../lib/form-submit';
import { EncuentroFieldsInputs } from '../EncuentrosListScreen';
import { EncuentroTabs } from '../EncuentroTabs';
import { ExportButtons } from '../ExportButtons';
import { NarrativeSection } from './NarrativeForm';
import { useCreateEje, useDeleteEje, useDeletePanel, useDeletePractice, useDeleteSala, useUpdateEje, useUpdateEncuentro } from '../mutations';
import { ProjectorButton } from '../projector/ProjectorButton';
import { useEncuentro } from '../queries';
import { encuentroHref } from '../routes';
import { PanelDialog, PracticeDialog, SalaDialog } from './SetupDialogs';

/** The event, its ejes, practices, panels and salas; and the doors to capture, synthesis, attendance and exports. */
export function SetupScreen({ encuentroId }: { encuentroId: number }) {
  const encuentro = useEncuentro(encuentroId);
  return (
    <section className="encuentro-screen">
      <p className="breadcrumb">
        <a href={encuentroHref({ page: 'list' })}>{t('encuentroUi.nav')}</a>
      </p>
      <QueryStatus query={encuentro}>
        {(detail) => (
          <>
            <ScreenTitle actions={<ExportButtons encuentroId={detail.id} />}>{detail.name}</ScreenTitle>
            <EncuentroTabs encuentroId={detail.id} current="setup" />
            <SetupBody detail={detail} />
          </>
        )}
      </QueryStatus>
    </section>
  );
}

type Editing =
  | { kind: 'practice'; practice: EncuentroPractice | null }
  | { kind: 'panel'; panel: Panel | null }
  | { kind: 'sala'; sala: Sala | null }
  | { kind: 'delete'; what: 'eje' | 'practice' | 'panel' | 'sala'; id: number; name: string }
  | null;

function SetupBody({ detail }: { detail: EncuentroDetail }) {
  const [editing, setEditing] = useState<Editing>(null);
  const announce = useAnnounce();
  const deleteEje = useDeleteEje();
  const deletePractice = useDeletePractice();
  const deletePanel = useDeletePanel();
  const deleteSala = useDeleteSala();
  const ejeName = (id: number | null) => detail.ejes.find((e) => e.id === id)?.name ?? t('encuentroUi.setup.noEje');
  const practiceLabel = (id: number) => {
    const p = detail.practices.find((x) => x.id === id);
    return p ? `${p.igedName}: ${p.title}` : '';
  };

  const runDelete = async (target: Extract<Editing, { kind: 'delete' }>) => {
    const input = { id: target.id };
    if (target.what === 'eje') await deleteEje.mutateAsync(input);
    if (target.what === 'practice') await deletePractice.mutateAsync(input);
    if (target.what === 'panel') await deletePanel.mutateAsync(input);
    if (target.what === 'sala') await deleteSala.mutateAsync(input);
    announce(t('common.deletedNamed', { name: target.name }));
  };

  return (
    <>
      <EventForm detail={detail} />
      <EjesSection detail={detail} onDelete={(id, name) => setEditing({ kind: 'delete', what: 'eje', id, name })} />

      <section className="panel" aria-labelledby="practices-title">
        <div className="panel-header">
          <h2 id="practices-title">{t('encuentroUi.setup.practices')}</h2>
          <button type="button" onClick={() => setEditing({ kind: 'practice', practice: null })}>
            {t('encuentroUi.setup.addPractice')}
          </button>
        </div>
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
                    <td>{ejeName(p.ejeId)}</td>
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
                        <button type="button" onClick={() => setEditing({ kind: 'practice', practice: p })} aria-label={t('common.editNamed', { name: p.title })}>
                          {t('common.edit')}
                        </button>
                        <button type="button" className="danger-link" onClick={() => setEditing({ kind: 'delete', what: 'practice', id: p.id, name: p.title })} aria-label={t('common.deleteNamed', { name: p.title })}>
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
      </section>

      <section className="panel" aria-labelledby="panels-title">
        <div className="panel-header">
          <h2 id="panels-title">{t('encuentroUi.setup.panels')}</h2>
          <button type="button" onClick={() => setEditing({ kind: 'panel', panel: null })} disabled={detail.ejes.length === 0}>
            {t('encuentroUi.setup.addPanel')}
          </button>
        </div>
        {detail.panels.length === 0 && <p className="empty">{t('encuentroUi.setup.noPanels')}</p>}
        {detail.panels.map((panel) => (
          <article key={panel.id} className="setup-card">
            <h3>{panel.title || ejeName(panel.ejeId)}</h3>
            <p className="muted small">
              {t('encuentroUi.setup.ejeOf', { eje: ejeName(panel.ejeId) })}
              {panel.moderatorName && ` · ${t('encuentroUi.setup.moderatedBy', { name: panel.moderatorName, institution: panel.moderatorInstitution })}`}
            </p>
            <ol>
              {panel.practiceIds.map((id) => (
                <li key={id}>{practiceLabel(id)}</li>
              ))}
            </ol>
            <div className="actions">
              <button type="button" onClick={() => setEditing({ kind: 'panel', panel })}>
                {t('common.edit')}
              </button>
              <button type="button" className="danger-link" onClick={() => setEditing({ kind: 'delete', what: 'panel', id: panel.id, name: panel.title || ejeName(panel.ejeId) })}>
                {t('common.delete')}
              </button>
            </div>
          </article>
        ))}
      </section>

      <section className="panel" aria-labelledby="salas-title">
        <div className="panel-header">
          <h2 id="salas-title">{t('encuentroUi.setup.salas')}</h2>
          <button type="button" onClick={() => setEditing({ kind: 'sala', sala: null })} disabled={detail.ejes.length === 0}>
            {t('encuentroUi.setup.addSala')}
          </button>
        </div>
        {detail.salas.length === 0 && <p className="empty">{t('encuentroUi.setup.noSalas')}</p>}
        {detail.salas.map((sala) => (
          <article key={sala.id} className="setup-card">
            <h3>{sala.name}</h3>
            <p className="muted small">
              {t('encuentroUi.setup.ejeOf', { eje: ejeName(sala.ejeId) })} · {t('encuentroUi.setup.synthesisStatus', { status: synthesisStatusLabel(sala.synthesisStatus) })}
              {sala.moderators.length > 0 && ` · ${t('encuentroUi.setup.moderators', { names: sala.moderators.map((m) => (m.institution ? `${m.name} (${m.institution})` : m.name)).join(', ') })}`}
            </p>
            <ul>
              {sala.practiceIds.map((id) => (
                <li key={id}>
                  <a href={encuentroHref({ page: 'capture', encuentroId: detail.id, salaId: sala.id, practiceId: id })}>{practiceLabel(id)}</a>
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
              <button type="button" onClick={() => setEditing({ kind: 'sala', sala })} aria-label={t('common.editNamed', { name: sala.name })}>
                {t('common.edit')}
              </button>
              <button type="button" className="danger-link" onClick={() => setEditing({ kind: 'delete', what: 'sala', id: sala.id, name: sala.name })} aria-label={t('common.deleteNamed', { name: sala.name })}>
                {t('common.delete')}
              </button>
            </div>
          </article>
        ))}
      </section>

      <NarrativeSection encuentroId={detail.id} />

      {editing?.kind === 'practice' && <PracticeDialog detail={detail} practice={editing.practice} onClose={() => setEditing(null)} />}
      {editing?.kind === 'panel' && <PanelDialog detail={detail} panel={editing.panel} onClose={() => setEditing(null)} />}
      {editing?.kind === 'sala' && <SalaDialog detail={detail} sala={editing.sala} onClose={() => setEditing(null)} />}
      {editing?.kind === 'delete' && (
        <ConfirmDialog title={t('common.deleteNamed', { name: editing.name })} confirmLabel={t('common.delete')} danger onConfirm={() => runDelete(editing)} onClose={() => setEditing(null)}>
          <p>{t('encuentroUi.setup.confirmDelete', { name: editing.name })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

const eventForm = z.object({ fields: encuentroFields });
type EventInput = z.input<typeof eventForm>;
type EventOutput = z.output<typeof eventForm>;

function EventForm({ detail }: { detail: EncuentroDetail }) {
  const update = useUpdateEncuentro();
  const announce = useAnnounce();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<EventInput, unknown, EventOutput>({
    resolver: zodResolver(eventForm),
    values: { fields: { name: detail.name, eventDate: detail.eventDate, venue: detail.venue, partners: detail.partners } },
  });
  const { formError, onSubmit: submit } = useFormSubmit({ handleSubmit, setError }, async (values) => {
    await update.mutateAsync({ id: detail.id, fields: values.fields });
    announce(t('common.savedNamed', { name: values.fields.name }));
  });
  return (
    <section className="panel" aria-labelledby="event-title">
      <h2 id="event-title">{t('encuentroUi.setup.event')}</h2>
      <p className="muted small">{t('encuentroUi.setup.edition', { name: detail.editionName })}</p>
      <form className="form" noValidate onSubmit={submit}>
        <EncuentroFieldsInputs register={register} errors={errors} />
        <FormFooter error={formError} confirmLabel={t('common.saveChanges')} pending={isSubmitting} disabled={!isDirty} />
      </form>
    </section>
  );
}

function EjesSection({ detail, onDelete }: { detail: EncuentroDetail; onDelete(id: number, name: string): void }) {
  const create = useCreateEje();
  const update = useUpdateEje();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    setError(null);
    try {
      await create.mutateAsync({ encuentroId: detail.id, fields: { name } });
      setName('');
    } catch (caught) {
      setError(errorText(caught));
    }
  };
  return (
    <section className="panel" aria-labelledby="ejes-title">
      <h2 id="ejes-title">{t('encuentroUi.setup.ejes')}</h2>
      <ol>
        {detail.ejes.map((eje) => (
          <li key={eje.id} className="eje-row">
            <input
              aria-label={t('encuentroUi.setup.ejeName', { n: eje.position + 1 })}
              defaultValue={eje.name}
              onBlur={(e) => {
                const value = e.target.value.trim();
                if (value && value !== eje.name) update.mutate({ id: eje.id, fields: { name: value } }, { onError: (err) => setError(errorText(err)) });
              }}
            />{' '}
            <button type="button" className="danger-link" onClick={() => onDelete(eje.id, eje.name)} aria-label={t('common.deleteNamed', { name: eje.name })}>
              {t('common.delete')}
            </button>
          </li>
        ))}
      </ol>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label htmlFor="new-eje">{t('encuentroUi.setup.newEje')}</label> <input id="new-eje" value={name} onChange={(e) => setName(e.target.value)} />{' '}
        <button type="submit" disabled={name.trim() === ''}>
          {t('encuentroUi.setup.addEje')}
        </button>
      </form>
      <FormError message={error} />
    </section>
  );
}
