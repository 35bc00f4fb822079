import { useId, useState } from 'react';
import type { Edition } from '../../../../shared/domain/types';
import { formatDateTime, t } from '../../../../shared/i18n';
import type { ConsolidationReport, Method } from '../../../../shared/scoring';
import { useAnnounce } from '../../app/announcer';
import { QueryStatus } from '../../components/QueryStatus';
import { ScreenTitle } from '../../components/ScreenTitle';
import { ReasonDialog } from '../jury/common/ReasonDialog';
import { StagePicker, useStageChoice } from '../jury/common/StagePicker';
import { WithEdition } from '../jury/common/WithEdition';
import { CategoryResults } from './CategoryResults';
import { CriterionSpreadChart } from './CriterionSpreadChart';
import { METHODS, methodName, num } from './format';
import { LeniencyChart } from './LeniencyChart';
import { useRevokeTieDecision } from './mutations';
import { useResultsReport } from './queries';
import { ResultsExports } from './ResultsExports';

/** Consolidation of a stage: every method side by side, flags, reliability, ties, cut-off, charts, exports. */
export function ResultsScreen() {
  return <WithEdition title={t('juryUi.results.title')}>{(edition) => <ResultsView edition={edition} />}</WithEdition>;
}

function ResultsView({ edition }: { edition: Edition }) {
  const [stage, setStage] = useStageChoice(edition.stages);
  const [method, setMethod] = useState<Method | null>(null);
  const report = useResultsReport(edition.id, stage?.id ?? null, method);
  const methodId = useId();
  return (
    <section>
      <ScreenTitle actions={stage && <ResultsExports editionId={edition.id} stageId={stage.id} method={method} />}>
        {t('juryUi.results.titleOf', { edition: edition.name })}
      </ScreenTitle>
      {!stage ? (
        <p className="empty">{t('juryUi.noStages')}</p>
      ) : (
        <>
          <div className="filters">
            <StagePicker stages={edition.stages} value={stage} onChange={setStage} />
            <div className="field">
              <label htmlFor={methodId}>{t('juryUi.results.officialMethod')}</label>
              <select id={methodId} value={method ?? ''} onChange={(event) => setMethod(event.target.value ? (event.target.value as Method) : null)}>
                <option value="">{t('juryUi.results.methodFromSettings')}</option>
                {METHODS.map((m) => (
                  <option key={m} value={m}>
                    {methodName(m)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <QueryStatus query={report}>{(data) => <Report report={data} />}</QueryStatus>
        </>
      )}
    </section>
  );
}

function Report({ report }: { report: ConsolidationReport }) {
  const r = report.result;
  const criterionName = (id: number) => report.criteria.find((c) => c.id === id)?.name ?? String(id);
  const alpha = r.reliability.alpha;
  return (
    <>
      {!report.stageClosed && (
        <p className="notice" role="note">
          {t('juryUi.results.openWarning')}
        </p>
      )}
      {r.unresolvedTies && (
        <p className="notice notice-bad" role="note">
          {t('juryUi.results.unresolvedWarning')}
        </p>
      )}
      <dl className="facts results-facts">
        <div>
          <dt>{t('results.workbook.stageState')}</dt>
          <dd>{report.stageClosed ? t('results.workbook.closed') : t('juryUi.results.open')}</dd>
        </div>
        <div>
          <dt>{t('results.workbook.officialMethod')}</dt>
          <dd>{t(`results.method.${r.options.method}`)}</dd>
        </div>
        <div>
          <dt>{t('juryUi.results.reliabilityName')}</dt>
          <dd data-testid="reliability">
            {alpha === null ? t('results.workbook.alphaUndefined') : t('juryUi.results.alphaValue', { alpha: num(alpha, 3), units: r.reliability.pairableUnits })}
          </dd>
        </div>
        <div>
          <dt>{t('results.workbook.cutoff')}</dt>
          <dd>{r.cutoff === null ? t('results.workbook.noCutoff') : t('juryUi.results.passCount', { cutoff: num(r.cutoff), count: r.passCount })}</dd>
        </div>
        <div>
          <dt>{t('results.workbook.threshold')}</dt>
          <dd>{t('juryUi.results.disagreements', { pct: num(r.options.disagreementThreshold * 100, 0), count: r.disagreementCount })}</dd>
        </div>
        <div>
          <dt>{t('results.workbook.pending')}</dt>
          <dd>{report.pendingSheets}</dd>
        </div>
        <div>
          <dt>{t('results.workbook.conflicted')}</dt>
          <dd>{report.conflictedSheets}</dd>
        </div>
      </dl>
      <details className="formula">
        <summary>{t('juryUi.results.formulaTitle')}</summary>
        <p>{t('juryUi.results.formula')}</p>
        <p className="muted small">
          {t('juryUi.results.alphaDetail', {
            units: r.reliability.pairableUnits,
            values: r.reliability.pairableValues,
            d0: num(r.reliability.observedDisagreement, 4),
            de: num(r.reliability.expectedDisagreement, 4),
          })}
        </p>
        <p>{t(r.options.missingRule === 'rescale' ? 'results.missing.rescale' : 'results.missing.incomplete', { coverage: num(r.options.rescaleMinCoverage * 100, 0) })}</p>
        <p data-testid="results-rules">{t('juryUi.results.rules', { trimmed: r.options.trimmedMinJurors, top: r.options.topPlaces })}</p>
        <p>{t('juryUi.results.chain', { chain: r.options.tieBreak.map((rule) => (rule.kind === 'priorityCriterion' ? t('results.rule.priorityCriterion', { criterion: criterionName(rule.criterionId) }) : t(`results.rule.${rule.kind}`))).join(' → ') })}</p>
      </details>
      {r.categories.map((category) => (
        <CategoryResults key={category.categoryId ?? 'none'} report={report} category={category} criterionName={criterionName} />
      ))}
      <LeniencyChart jurors={r.jurors} />
      <CriterionSpreadChart criteria={r.criteria} />
      {report.decisions.length > 0 && <DecisionsList report={report} />}
    </>
  );
}

/** The organizer's tie decisions in force; each can be withdrawn with a reason (both acts go to the audit log). */
function DecisionsList({ report }: { report: ConsolidationReport }) {
  const revoke = useRevokeTieDecision();
  const announce = useAnnounce();
  const [revoking, setRevoking] = useState<number | null>(null);
  const codeOf = (id: number) => report.result.entries.find((e) => e.entryId === id)?.code ?? String(id);
  const order = (ids: number[]) => ids.map(codeOf).join(' > ');
  const chosen = report.decisions.find((d) => d.id === revoking);
  return (
    <section className="panel" aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t('juryUi.results.decisionsTitle')}</h2>
      <ul>
        {report.decisions.map((d) => (
          <li key={d.id}>
            {t('juryUi.results.decisionLine', { order: order(d.orderedEntryIds), reason: d.reason, date: formatDateTime(d.decidedAt) })}{' '}
            <button type="button" className="danger-link" aria-label={t('juryUi.results.revokeNamed', { order: order(d.orderedEntryIds) })} onClick={() => setRevoking(d.id)}>
              {t('juryUi.results.revoke')}
            </button>
          </li>
        ))}
      </ul>
      {chosen && (
        <ReasonDialog
          title={t('juryUi.results.revokeTitle', { order: order(chosen.orderedEntryIds) })}
          confirmLabel={t('juryUi.results.revoke')}
          danger
          onClose={() => setRevoking(null)}
          onSubmit={async (reason) => {
            await revoke.mutateAsync({ id: chosen.id, reason });
            announce(t('juryUi.results.revoked'));
          }}
        >
          <p>{t('juryUi.results.revokeExplain')}</p>
        </ReasonDialog>
      )}
    </section>
  );
}
