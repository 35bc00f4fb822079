import { useState } from 'react';
import type { EncuentroDetail, EncuentroPractice, Panel, Sala } from '../../../../../shared/domain/encuentro-types';
import { t } from '../../../../../shared/i18n';
import { useAnnounce } from '../../../app/announcer';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { QueryStatus } from '../../../components/QueryStatus';
import { ScreenTitle } from '../../../components/ScreenTitle';
import { EncuentroTabs } from '../EncuentroTabs';
import { ExportButtons } from '../ExportButtons';
import { useDeleteEje, useDeletePanel, useDeletePractice, useDeleteSala } from '../mutations';
import { useEncuentro } from '../queries';
import { encuentroHref } from '../routes';
import { EjesSection } from './EjesSection';
import { EventForm } from './EventForm';
import { NarrativeSection } from './NarrativeForm';
import { PanelsSection } from './PanelsSection';
import { PracticesSection } from './PracticesSection';
import { SalasSection } from './SalasSection';
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

      <PracticesSection detail={detail} onEdit={(practice) => setEditing({ kind: 'practice', practice })} onDelete={(id, name) => setEditing({ kind: 'delete', what: 'practice', id, name })} />
      <PanelsSection detail={detail} onEdit={(panel) => setEditing({ kind: 'panel', panel })} onDelete={(id, name) => setEditing({ kind: 'delete', what: 'panel', id, name })} />
      <SalasSection detail={detail} onEdit={(sala) => setEditing({ kind: 'sala', sala })} onDelete={(id, name) => setEditing({ kind: 'delete', what: 'sala', id, name })} />

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
