import type { Worklist } from '../../../../../shared/domain/jury-types';
import { t } from '../../../../../shared/i18n';
import { QueryStatus } from '../../../components/QueryStatus';
import { ScreenTitle } from '../../../components/ScreenTitle';
import { SheetStatusBadge } from '../common/labels';
import { useWorklist } from '../queries';
import { gridRoute, juryHref, sheetRoute, whoAmIRoute } from '../routes';
import { ProgressLine } from './ProgressLine';
import { TableWrap } from '../common/TableWrap';
import { OrganizerOnly } from '../../sede/device-scope';

/** The juror's assigned entries in this stage, with progress (n of m). */
export function WorklistScreen({ stageId, jurorId }: { stageId: number; jurorId: number }) {
  const worklist = useWorklist(stageId, jurorId);
  return <QueryStatus query={worklist}>{(data) => <WorklistView list={data} />}</QueryStatus>;
}

function WorklistView({ list }: { list: Worklist }) {
  const firstOpen = list.items.find((item) => item.editable && (item.status === 'pending' || item.status === 'inProgress'));
  return (
    <section>
      {/* A juror's device is that juror (its session says so): no «No soy …». */}
      <OrganizerOnly>
        <p className="breadcrumb">
          <a href={juryHref(whoAmIRoute)}>{t('juryUi.whoAmI.notMe', { name: list.jurorName })}</a>
        </p>
      </OrganizerOnly>
      <ScreenTitle
        actions={
          <>
            {firstOpen && (
              <a className="button primary" href={juryHref(sheetRoute(list.stageId, list.jurorId, firstOpen.entryId))}>
                {t('juryUi.worklist.continue')}
              </a>
            )}
            <a className="button" href={juryHref(gridRoute(list.stageId, list.jurorId))}>
              {t('juryUi.worklist.openGrid')}
            </a>
          </>
        }
      >
        {t('juryUi.worklist.title', { juror: list.jurorName, stage: list.stageName })}
      </ScreenTitle>
      <ProgressLine done={list.progress.done} total={list.progress.total} />
      {list.stageClosed && (
        <p className="notice" role="note">
          {t('juryUi.worklist.closed')}
        </p>
      )}
      {list.blindMode && <p className="muted small">{t('juryUi.blindNote')}</p>}
      {list.items.length === 0 ? (
        <p className="empty">{t('juryUi.worklist.empty')}</p>
      ) : (
        <TableWrap label={t('juryUi.worklist.caption')}>
          <table className="data-table">
            <caption className="sr-only">{t('juryUi.worklist.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.code')}</th>
                <th scope="col">{t('field.title')}</th>
                <th scope="col">{t('field.category')}</th>
                {!list.blindMode && <th scope="col">{t('field.iged')}</th>}
                {!list.blindMode && <th scope="col">{t('field.region')}</th>}
                <th scope="col" className="num">
                  {t('juryUi.worklist.criteriaScored')}
                </th>
                <th scope="col">{t('juryUi.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => (
                <tr key={item.entryId}>
                  <td className="nowrap">{item.code}</td>
                  <td>
                    <a href={juryHref(sheetRoute(list.stageId, list.jurorId, item.entryId))}>{item.title}</a>
                  </td>
                  <td>{item.categoryName}</td>
                  {!list.blindMode && <td>{item.igedName}</td>}
                  {!list.blindMode && <td>{item.region}</td>}
                  <td className="num">{t('juryUi.worklist.nOfM', { n: item.scoredCriteria, m: item.criteriaCount })}</td>
                  <td>
                    <SheetStatusBadge status={item.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
