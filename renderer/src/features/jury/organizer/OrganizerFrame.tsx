import type { ReactNode } from 'react';
import type { Edition, Stage } from '../../../../../shared/domain/types';
import { t } from '../../../../../shared/i18n';
import { ScreenTitle } from '../../../components/ScreenTitle';
import { StagePicker, useStageChoice } from '../common/StagePicker';
import { WithEdition } from '../common/WithEdition';
import type { JuryTab } from '../routes';
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
      {(!withStage || stage) && children(edition, stage)}
    </section>
  );
}
