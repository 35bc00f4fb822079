import type { ReactNode } from 'react';
import type { Edition, Stage } from '../../../../../shared/domain/types';
import { t } from '../../../../../shared/i18n';
import { ScreenTitle } from '../../../components/ScreenTitle';
import { StagePicker, useStageChoice } from '../common/StagePicker';
import { WithEdition } from '../common/WithEdition';
import type { JuryTab } from '../routes';
import { useStageOverview } from '../queries';
import { JuryTabs } from './JuryTabs';

interface OrganizerFrameProps {
  tab: JuryTab;
  /** Screens that work on one stage get the stage picker and the chosen stage. */
  withStage?: boolean;
  children(edition: Edition, stage: Stage | null): ReactNode;
}

/** Title, section tabs and (optionally) the stage picker shared by the organizer's jury screens. */
export function OrganizerFrame({ tab, withStage = false, children }: OrganizerFrameProps) {
  return (
    <WithEdition title={t('juryUi.title')}>
      {(edition) => (
        <Frame edition={edition} tab={tab} withStage={withStage}>
          {children}
        </Frame>
      )}
    </WithEdition>
  );
}

function Frame({ edition, tab, withStage, children }: { edition: Edition; tab: JuryTab; withStage: boolean; children: OrganizerFrameProps['children'] }) {
  const [stage, setStage] = useStageChoice(edition.stages);
  return (
    <section>
      <ScreenTitle>{t('juryUi.titleOf', { section: t(`juryUi.tabs.${tab}`), edition: edition.name })}</ScreenTitle>
      <JuryTabs current={tab} />
      {withStage && edition.stages.length === 0 && <p className="empty">{t('juryUi.noStages')}</p>}
      {withStage && <StagePicker stages={edition.stages} value={stage} onChange={setStage} />}
      <FrozenNotice editionId={edition.id} tab={tab} stageId={stage?.id ?? null} />
      {(!withStage || stage) && children(edition, stage)}
    </section>
  );
}

/**
 * Says up front what a closed stage freezes on this screen (the service refuses the change
 * anyway, with the same reason): the edition's rules on the rules screens, the stage's panel
 * and assignments on the assignment screen.
 */
function FrozenNotice({ editionId, tab, stageId }: { editionId: number; tab: JuryTab; stageId: number | null }) {
  const stages = useStageOverview(editionId).data ?? [];
  const closedHere = tab === 'assignment' ? stages.find((s) => s.stageId === stageId && s.closed) : undefined;
  const closedAny = tab === 'settings' || tab === 'conflicts' ? stages.find((s) => s.closed) : undefined;
  const closed = closedHere ?? closedAny;
  if (!closed) return null;
  return (
    <p className="notice" role="note" data-testid="jury-frozen">
      {t(closedHere ? 'juryUi.frozen.stageNotice' : 'juryUi.frozen.rulesNotice', { stage: closed.stageName })}
    </p>
  );
}
