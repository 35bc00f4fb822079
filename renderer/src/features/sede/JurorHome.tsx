import type { ScopeOf } from '../../../../shared/sede/roles';
import { t } from '../../../../shared/i18n';
import { QueryStatus } from '../../components/QueryStatus';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useEdition } from '../editions/queries';
import { juryHref, worklistRoute } from '../jury/routes';

/**
 * A juror's device opens here: the stages of its edition, each leading to this juror's own
 * worklist. No «¿Quién es usted?»: the session says who the juror is.
 */
export function JurorHome({ scope, name }: { scope: ScopeOf<'juror'>; name: string | null }) {
  const edition = useEdition(scope.editionId);
  return (
    <section>
      <ScreenTitle>{name ? t('sedeUi.juror.titleNamed', { name }) : t('sedeUi.juror.title')}</ScreenTitle>
      <QueryStatus query={edition}>
        {(data) =>
          data.stages.length === 0 ? (
            <p className="empty">{t('juryUi.noStages')}</p>
          ) : (
            <nav aria-label={t('sedeUi.juror.stages', { edition: data.name })}>
              <p>{t('sedeUi.juror.pickStage', { edition: data.name })}</p>
              <ul className="juror-choices">
                {data.stages.map((stage) => (
                  <li key={stage.id}>
                    <a className="juror-choice" href={juryHref(worklistRoute(stage.id, scope.jurorId))}>
                      <strong>{stage.name}</strong>
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )
        }
      </QueryStatus>
    </section>
  );
}
