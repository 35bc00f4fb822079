import { useId } from 'react';
import { comparedValues, formatTied, tieLine } from '../../../../shared/domain/tie-line';
import { t } from '../../../../shared/i18n';
import type { CategoryResult, ConsolidationReport, EntryResult, TieGroup } from '../../../../shared/scoring';
import { METHODS, methodName, num, rankText, ruleText } from './format';
import { TieDecisionForm } from './TieDecisionForm';
import { TableWrap } from '../jury/common/TableWrap';

interface CategoryResultsProps {
  report: ConsolidationReport;
  category: CategoryResult;
  criterionName(id: number): string;
}

/** One category: the ranking under every method side by side, its flags, ties and the cut-off. */
export function CategoryResults({ report, category, criterionName }: CategoryResultsProps) {
  const headingId = useId();
  const r = report.result;
  const official = r.options.method;
  const name = report.categories.find((c) => c.id === category.categoryId)?.name ?? t('results.noCategory');
  const byId = new Map(r.entries.map((e) => [e.entryId, e]));
  const ranking = category.rankings.find((k) => k.method === official);
  const order = [...(ranking?.order ?? []), ...category.entryIds.filter((id) => !(ranking?.order ?? []).includes(id))];
  const entries = order.map((id) => byId.get(id)).filter((e): e is EntryResult => e !== undefined);
  const codeOf = (id: number) => byId.get(id)?.code ?? String(id);
  const topIds = new Set(category.top.flatMap((top) => top.entryIds));
  const applicable = new Set(category.rankings.filter((k) => k.applicable).map((k) => k.method));
  const differs = (e: EntryResult) => {
    if (!topIds.has(e.entryId)) return false;
    const ranks = METHODS.filter((m) => applicable.has(m)).map((m) => e.ranks[m]);
    return new Set(ranks).size > 1;
  };

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('juryUi.results.categoryTitle', { category: name })}</h2>
      {category.topDiffers && (
        <div className="notice" role="note" data-testid="top-differs">
          <p>
            <strong>{t('results.col.topDiffers')}</strong>
          </p>
          <ul>
            {category.top.map((top) => (
              <li key={top.method}>
                {methodName(top.method)}: {top.entryIds.map(codeOf).join(', ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {entries.length === 0 ? (
        <p className="empty">{t('results.acta.noRanked')}</p>
      ) : (
        <TableWrap label={t('juryUi.results.rankingCaption', { category: name })}>
          <table className="data-table compact results-table">
            <caption className="sr-only">{t('juryUi.results.rankingCaption', { category: name })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('juryUi.results.officialRank')}
                </th>
                <th scope="col">{t('field.code')}</th>
                <th scope="col">{t('results.col.title')}</th>
                <th scope="col" className="num">
                  {t('juryUi.results.jurors')}
                </th>
                {METHODS.map((m) => (
                  <th key={m} scope="col" className={`num${m === official ? ' official' : ''}`}>
                    {methodName(m)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('results.col.spread')}
                </th>
                <th scope="col">{t('juryUi.results.flags')}</th>
                <th scope="col">{t('results.col.passes')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.entryId}>
                  <td className="num">{e.ranks[official] === null ? '—' : t('juryUi.results.rankPlain', { rank: e.ranks[official] ?? 0 })}</td>
                  <th scope="row" className="nowrap">
                    {e.code}
                  </th>
                  <td>{e.title}</td>
                  <td className="num">{t('juryUi.results.jurorCounts', { counted: e.counted, other: e.abstained + e.recused + e.incomplete })}</td>
                  {METHODS.map((m) => (
                    <td key={m} className={`num${m === official ? ' official' : ''}`}>
                      {m === 'trimmed' && e.trimmedNotApplicable ? (
                        <span className="muted">{t('results.notApplicable')}</span>
                      ) : (
                        <>
                          {num(e.values[m])} <span className="muted small">{rankText(e.ranks[m])}</span>
                        </>
                      )}
                    </td>
                  ))}
                  <td className="num">{num(e.spread)}</td>
                  <td>
                    {e.disagreement && <span className="badge badge-bad">{t('juryUi.results.disagreementFlag')}</span>}
                    {differs(e) && <span className="badge badge-warn">{t('juryUi.results.rankDiffers')}</span>}
                  </td>
                  <td>{e.passes === null ? '—' : e.passes ? <span className="badge badge-ok">{t('results.yes')}</span> : <span className="badge badge-muted">{t('results.no')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {ranking && ranking.ties.length > 0 && (
        <div className="ties">
          <h3>{t('juryUi.results.tiesTitle', { method: methodName(official) })}</h3>
          {ranking.ties.map((tie) => (
            <TieDescription key={tie.entryIds.join('-')} tie={tie} codeOf={codeOf} criterionName={criterionName} stageId={report.stageId} />
          ))}
        </div>
      )}
    </section>
  );
}

function TieDescription({ tie, codeOf, criterionName, stageId }: { tie: TieGroup; codeOf(id: number): string; criterionName(id: number): string; stageId: number }) {
  const unresolved = tie.steps.some((s) => s.rule.kind === 'unresolved');
  return (
    <div className="tie">
      <p>{t('juryUi.results.tieHead', { value: formatTied(tie.value), codes: tie.entryIds.map(codeOf).join(', ') })}</p>
      <ul>
        {tie.steps.map((step) => (
          <li key={`${step.aboveEntryId}-${step.belowEntryId}`}>
            {tieLine({
              above: codeOf(step.aboveEntryId),
              below: codeOf(step.belowEntryId),
              value: tie.value,
              unresolved: step.rule.kind === 'unresolved',
              rule:
                step.aboveValue !== null && step.belowValue !== null
                  ? t('results.acta.tieValues', { rule: ruleText(step.rule, criterionName), ...comparedValues(step.aboveValue, step.belowValue) })
                  : ruleText(step.rule, criterionName),
            })}
          </li>
        ))}
      </ul>
      {unresolved && <TieDecisionForm stageId={stageId} entryIds={tie.entryIds} codeOf={codeOf} />}
    </div>
  );
}
