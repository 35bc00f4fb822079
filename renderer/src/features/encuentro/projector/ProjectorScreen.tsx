import { useEffect } from 'react';
import { t } from '../../../../../shared/i18n';
import { parseProjectorPath } from '../routes';
import { PracticeProjector } from './PracticeProjector';
import { ProjectorFrame } from './ProjectorFrame';
import { SalaProjector } from './SalaProjector';
import '../encuentro.css';

/**
 * What the room sees: read-only, very large type, high contrast, no app chrome. It applies
 * the pushed events to what it shows (no refetch per keystroke), so the moderator's typing
 * appears on the wall within a fraction of a second. What does not fit on one screen at the
 * readable minimum size is paged (paging.ts), the pages turning by themselves.
 */
export function ProjectorScreen({ path }: { path: readonly string[] }) {
  const page = parseProjectorPath(path);
  useEffect(() => {
    document.body.classList.add('projector-body');
    return () => document.body.classList.remove('projector-body');
  }, []);
  if (page.view === 'sala') return <SalaProjector key={`s${page.salaId}`} salaId={page.salaId} />;
  if (page.view === 'practice') return <PracticeProjector key={`p${page.practiceId}`} practiceId={page.practiceId} salaId={page.salaId} />;
  return (
    <ProjectorFrame title={t('encuentroUi.projector.invalid')} subtitle="">
      {null}
    </ProjectorFrame>
  );
}
