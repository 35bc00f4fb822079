import type { ScoreSheetView } from '../../../../../shared/domain/jury-types';
import { t } from '../../../../../shared/i18n';
import { formatScore } from '../common/labels';
import { TableWrap } from '../common/TableWrap';

/** The other jurors' submitted scores, shown only once this juror's own ficha is in. */
export function PeersTable({ sheet }: { sheet: ScoreSheetView }) {
  const peers = sheet.peers ?? [];
  if (peers.length === 0) return <p className="muted">{t('juryUi.peers.none')}</p>;
  return (
    <TableWrap label={t('juryUi.peers.title')}>
      <table className="data-table compact">
        <caption className="sr-only">{t('juryUi.peers.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('juryUi.col.criterion')}</th>
            <th scope="col" className="num">
              {t('juryUi.peers.mine')}
            </th>
            {peers.map((peer) => (
              <th key={peer.jurorId} scope="col" className="num">
                {peer.jurorName}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sheet.criteria.map((criterion) => (
            <tr key={criterion.id}>
              <th scope="row">{criterion.name}</th>
              <td className="num">{formatScore(sheet.scores.find((s) => s.criterionId === criterion.id)?.value)}</td>
              {peers.map((peer) => (
                <td key={peer.jurorId} className="num">
                  {peer.abstention ? t(`juryUi.sheetStatus.${peer.abstention === 'abstain' ? 'abstained' : 'recused'}`) : formatScore(peer.scores.find((s) => s.criterionId === criterion.id)?.value)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
