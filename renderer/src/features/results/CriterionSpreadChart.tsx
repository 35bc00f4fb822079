import { useId } from 'react';
import { t } from '../../../../shared/i18n';
import type { CriterionStats } from '../../../../shared/scoring';
import { num } from './format';
import { TableWrap } from '../jury/common/TableWrap';

const WIDTH = 640;
const LABEL = 180;
const ROW = 30;
const PLOT = WIDTH - LABEL - 20;

/** Box plot per criterion on its own scale (min, quartiles, median, max): where jurors agree less. */
export function CriterionSpreadChart({ criteria }: { criteria: CriterionStats[] }) {
  const headingId = useId();
  const height = criteria.length * ROW + 30;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('juryUi.charts.spreadTitle')}</h2>
      <figure className="chart">
        <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={t('juryUi.charts.spreadAlt')} className="chart-svg">
          {[0, 50, 100].map((tick) => (
            <g key={tick}>
              <line x1={LABEL + (tick / 100) * PLOT} x2={LABEL + (tick / 100) * PLOT} y1={4} y2={height - 22} className="chart-grid" />
              <text x={LABEL + (tick / 100) * PLOT} y={height - 6} textAnchor={tick === 0 ? 'start' : tick === 100 ? 'end' : 'middle'} className="chart-tick">
                {tick === 0 ? t('juryUi.charts.scaleMin') : tick === 100 ? t('juryUi.charts.scaleMax') : t('juryUi.charts.scaleMid')}
              </text>
            </g>
          ))}
          {criteria.map((c, i) => {
            const y = 18 + i * ROW;
            const x = (v: number | null) => LABEL + ((v ?? c.scaleMin) - c.scaleMin) / (c.scaleMax - c.scaleMin || 1) * PLOT;
            return (
              <g key={c.criterionId}>
                <text x={LABEL - 8} y={y + 4} textAnchor="end" className="chart-label">
                  {c.name.length > 24 ? `${c.name.slice(0, 23)}…` : c.name}
                </text>
                {c.count > 0 && (
                  <>
                    <line x1={x(c.min)} x2={x(c.max)} y1={y} y2={y} className="chart-range" />
                    <rect x={x(c.q1)} y={y - 8} width={Math.max(x(c.q3) - x(c.q1), 1)} height={16} className="chart-box" />
                    <line x1={x(c.median)} x2={x(c.median)} y1={y - 8} y2={y + 8} className="chart-median" />
                  </>
                )}
              </g>
            );
          })}
        </svg>
        <figcaption className="muted small">{t('juryUi.charts.spreadCaption')}</figcaption>
      </figure>
      <TableWrap label={t('juryUi.charts.spreadTable')}>
        <table className="data-table compact">
          <caption>{t('juryUi.charts.spreadTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('juryUi.col.criterion')}</th>
              <th scope="col" className="num">{t('results.col.count')}</th>
              <th scope="col" className="num">{t('results.col.mean')}</th>
              <th scope="col" className="num">{t('results.col.sd')}</th>
              <th scope="col" className="num">{t('results.col.min')}</th>
              <th scope="col" className="num">{t('results.col.q1')}</th>
              <th scope="col" className="num">{t('results.col.median')}</th>
              <th scope="col" className="num">{t('results.col.q3')}</th>
              <th scope="col" className="num">{t('results.col.max')}</th>
              <th scope="col" className="num">{t('results.col.meanSpread')}</th>
              <th scope="col" className="num">{t('results.col.alpha')}</th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((c) => (
              <tr key={c.criterionId}>
                <th scope="row">
                  {c.name}
                  {c.independent && <span className="muted small"> · {t('juryUi.sheet.independent')}</span>}
                </th>
                <td className="num">{c.count}</td>
                <td className="num">{num(c.mean)}</td>
                <td className="num">{num(c.sd)}</td>
                <td className="num">{num(c.min)}</td>
                <td className="num">{num(c.q1)}</td>
                <td className="num">{num(c.median)}</td>
                <td className="num">{num(c.q3)}</td>
                <td className="num">{num(c.max)}</td>
                <td className="num">{num(c.meanSpread)}</td>
                <td className="num">{num(c.reliability.alpha, 3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
