import type { Edition } from '../../../../../shared/domain/types';
import { t } from '../../../../../shared/i18n';
import { QueryStatus } from '../../../components/QueryStatus';
import { ScreenTitle } from '../../../components/ScreenTitle';
import { StagePicker, useStageChoice } from '../common/StagePicker';
import { WithEdition } from '../common/WithEdition';
import { useJurors } from '../queries';
import { juryHref, worklistRoute } from '../routes';

/**
 * "¿Quién es usted?": the desktop app has no accounts, so the juror picks their own name. The
 * screen says so plainly, and that what they record is logged under that name.
 */
export function WhoAmIScreen() {
  return <WithEdition title={t('juryUi.whoAmI.title')}>{(edition) => <WhoAmI edition={edition} />}</WithEdition>;
}

function WhoAmI({ edition }: { edition: Edition }) {
  const jurors = useJurors(edition.id);
  const [stage, setStage] = useStageChoice(edition.stages);
  return (
    <section>
      <ScreenTitle>{t('juryUi.whoAmI.title')}</ScreenTitle>
      <div className="notice" role="note">
        <p>{t('juryUi.whoAmI.noLogin')}</p>
      </div>
      {edition.stages.length === 0 ? (
        <p className="empty">{t('juryUi.noStages')}</p>
      ) : (
        <>
          <StagePicker stages={edition.stages} value={stage} onChange={setStage} />
          <QueryStatus query={jurors}>
            {(list) => {
              const active = list.filter((j) => !j.withdrawn);
              if (active.length === 0) return <p className="empty">{t('juryUi.jurors.empty')}</p>;
              return (
                <nav aria-label={t('juryUi.whoAmI.listLabel')}>
                  <ul className="juror-choices">
                    {active.map((juror) => (
                      <li key={juror.id}>
                        <a className="juror-choice" href={stage ? juryHref(worklistRoute(stage.id, juror.id)) : undefined}>
                          <strong>{t('juryUi.whoAmI.iAm', { name: juror.name })}</strong>
                          <span className="muted small">{[juror.cargo, juror.institution].filter(Boolean).join(' · ')}</span>
                        </a>
                      </li>
                    ))}
                  </ul>
                </nav>
              );
            }}
          </QueryStatus>
        </>
      )}
    </section>
  );
}
