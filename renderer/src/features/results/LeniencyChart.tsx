import { useId } from 'react';
import { t } from '../../../../shared/i18n';
import type { JurorStats } from '../../../../shared/scoring';
import { num } from './format';
import { TableWrap } from '../jury/common/TableWrap';

const WIDTH = 640;
const LABEL = 180;
const ROW = 26;
const PLOT = WIDTH - LABEL - 20;
const x = (pct: number) => LABEL + (pct / 100) * PLOT;

/**
 * Each juror's totals as % of the scale (one dot per entry) and their mean: a generous or a
 * severe juror stands out at a glance. Inline SVG (no chart library to ship); the table below
 * carries the same figures for screen readers and for printing.
 */
export function LeniencyChart({ jurors }: { jurors: JurorStats[] }) {
  const headingId = useId();
  const height = jurors.length * ROW + 30;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('juryUi.charts.leniencyTitle')}</h2>
      <p className="muted small">{t('juryUi.charts.leniencyHelp')}</p>
      <figure className="chart">
        <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={t('juryUi.charts.leniencyAlt')} className="chart-svg">
          {[0, 25, 50, 75, 100].map((tick) => (
            <g key={tick}>
              <line x1={x(tick)} x2={x(tick)} y1={4} y2={height - 22} className="chart-grid" />
              <text x={x(tick)} y={height - 6} textAnchor={tick === 0 ? 'start' : tick === 100 ? 'end' : 'middle'} className="chart-tick">
                {tick} %
              </text>
            </g>
          ))}
          {jurors.map((juror, i) => {
            const y = 16 + i * ROW;
            return (
              <g key={juror.jurorId}>
                <text x={LABEL - 8} y={y + 4} textAnchor="end" className="chart-label">
                  {juror.name.length > 24 ? `${juror.name.slice(0, 23)}…` : juror.name}
                </text>
                {juror.minPct !== null && juror.maxPct !== null && <line x1={x(juror.minPct)} x2={x(juror.maxPct)} y1={y} y2={y} className="chart-range" />}
                {juror.valuesPct.map((v, k) => (
                  <circle key={k} cx={x(v)} cy={y} r={3.5} className="chart-dot" />
                ))}
                {juror.meanPct !== null && <rect x={x(juror.meanPct) - 1.5} y={y - 9} width={3} height={18} className="chart-mean" />}
              </g>
            );
          })}
        </svg>
        <figcaption className="muted small">{t('juryUi.charts.leniencyCaption')}</figcaption>
      </figure>
      <TableWrap label={t('juryUi.charts.leniencyTable')}>
        <table className="data-table compact">
          <caption>{t('juryUi.charts.leniencyTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('juryUi.col.juror')}</th>
              <th scope="col" className="num">{t('juryUi.charts.counted')}</th>
              <th scope="col" className="num">{t('juryUi.charts.meanPct')}</th>
              <th scope="col" className="num">{t('juryUi.charts.medianPct')}</th>
              <th scope="col" className="num">{t('juryUi.charts.sdPct')}</th>
              <th scope="col" className="num">{t('juryUi.charts.rangePct')}</th>
              <th scope="col" className="num">{t('juryUi.charts.leniency')}</th>
              <th scope="col">{t('juryUi.charts.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {jurors.map((j) => (
              <tr key={j.jurorId}>
                <th scope="row">{j.name}</th>
                <td className="num">{j.counted}</td>
                <td className="num">{num(j.meanPct, 1)}</td>
                <td className="num">{num(j.medianPct, 1)}</td>
                <td className="num">{num(j.sdPct, 1)}</td>
                <td className="num">{j.minPct === null ? '—' : `${num(j.minPct, 1)}–${num(j.maxPct, 1)}`}</td>
                <td className="num">{j.leniency === null ? '—' : `${j.leniency > 0 ? '+' : ''}${num(j.leniency, 1)}`}</td>
                <td>
                  {j.zeroVariance && <span className="badge badge-warn">{t('juryUi.charts.zeroVariance')}</span>}
                  {j.abstained + j.recused > 0 && t('juryUi.charts.abstentions', { count: j.abstained + j.recused })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
