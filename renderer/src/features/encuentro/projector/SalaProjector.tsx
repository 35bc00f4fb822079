import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type Ref } from 'react';
import type { SalaSynthesis, SynthesisItem } from '../../../../../shared/domain/encuentro-types';
import { SYNTHESIS_AXES, SYNTHESIS_LEVELS, hasWords, synthesisAxisLabel, synthesisLevelLabel, synthesisStatusLabel, type SynthesisLevel } from '../../../../../shared/domain/encuentro-matrix';
import { t } from '../../../../../shared/i18n';
import { call } from '../../../api/client';
import { onEncuentroEvent } from '../events';
import { liveKeys } from '../queries';
import { NONE, fitRows, unmeasured, type HeightCache, type RowTexts } from './measure';
import { rowPageOf, type RowPage, type RowSlice } from './paging';
import { ProjectorFrame, ProjectorPlaceholder } from './ProjectorFrame';
import { useHeightCache, useMeasuredLayout, useNewestEdit, usePageKeys, usePageTurner } from './usePaging';

function placeItem(synthesis: SalaSynthesis, item: SynthesisItem, remove: boolean): SalaSynthesis {
  const cells = synthesis.cells.map((cell) => {
    const others = cell.items.filter((i) => i.id !== item.id);
    const belongs = !remove && !item.deleted && cell.level === item.level && cell.axis === item.axis;
    const existing = cell.items.find((i) => i.id === item.id);
    if (belongs && existing && existing.revision > item.revision) return cell;
    return { ...cell, items: belongs ? [...others, item].sort((a, b) => a.position - b.position || a.id - b.id) : others };
  });
  return { ...synthesis, cells };
}

function useLiveSynthesis(salaId: number) {
  const queryClient = useQueryClient();
  const key = liveKeys.synthesis(salaId);
  const query = useQuery({ queryKey: key, queryFn: () => call('encuentro.synthesis.get', { salaId }), staleTime: Infinity });
  useEffect(
    () =>
      onEncuentroEvent((name, payload) => {
        if (name !== 'encuentro.synthesis') return;
        const event = payload as { salaId: number; action: string; item: SynthesisItem | null; status: string };
        if (event.salaId !== salaId) return;
        if (event.item && (event.action === 'itemSaved' || event.action === 'itemDeleted' || event.action === 'itemRestored')) {
          const item = event.item;
          queryClient.setQueryData<SalaSynthesis>(key, (old) => (old ? placeItem(old, item, event.action === 'itemDeleted') : old));
        } else void queryClient.invalidateQueries({ queryKey: key });
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key is derived from salaId
    [queryClient, salaId],
  );
  const items = useMemo(() => query.data?.cells.flatMap((c) => c.items), [query.data]);
  return { query, lastEdit: useNewestEdit(items) };
}

/** A level of the table with the items of each axis, in the order of SYNTHESIS_AXES. */
interface LevelRow {
  level: SynthesisLevel;
  cells: SynthesisItem[][];
}

/**
 * A sala's synthesis on the wall: the plenary table, levels by axes, in type as large as fits and
 * never below the readable minimum; past it the table is paged by levels, a level taller than a
 * page continuing on the next one. 1–4 show one level, 0 (or Esc) all of them, ↑/↓ move between levels.
 */
export function SalaProjector({ salaId }: { salaId: number }) {
  const { query, lastEdit } = useLiveSynthesis(salaId);
  const [level, setLevel] = useState<number | null>(null);
  const synthesis = query.data;
  const rows = useMemo<LevelRow[] | undefined>(
    () =>
      synthesis &&
      (level === null ? SYNTHESIS_LEVELS : [SYNTHESIS_LEVELS[level]!]).map((lv) => ({
        level: lv,
        cells: SYNTHESIS_AXES.map((axis) => (synthesis.cells.find((c) => c.level === lv && c.axis === axis)?.items ?? []).filter(hasWords)),
      })),
    [synthesis, level],
  );
  const texts = useMemo(
    () =>
      rows?.map((row): RowTexts => {
        const label = synthesisLevelLabel(row.level);
        return { head: label, continuedHead: t('encuentroUi.projector.continued', { label }), cells: row.cells.map((items) => items.map((item) => item.text)) };
      }) ?? [],
    [rows],
  );
  const cache = useHeightCache();
  const version = useMemo(() => ({ texts, cache }), [texts, cache]);
  const pageRef = useRef<HTMLDivElement>(null);
  const { ref, layout } = useMeasuredLayout<RowPage, HTMLTableElement>(version, (table) => fitRows(cache, table, texts, pageRef.current?.clientHeight ?? 0));
  const turner = usePageTurner(layout?.pages.length ?? 1);
  const { show } = turner;

  // The item just written or restored is on the wall: show the page that holds it.
  const applied = useRef(0);
  useLayoutEffect(() => {
    if (!layout || !rows || !lastEdit || lastEdit.seq === applied.current) return;
    applied.current = lastEdit.seq;
    for (const [r, row] of rows.entries())
      for (const [c, items] of row.cells.entries()) {
        const index = items.findIndex((item) => item.id === lastEdit.id);
        const page = index < 0 ? null : rowPageOf(layout.pages, r, c, index);
        if (page !== null) return show(page);
      }
  }, [layout, rows, lastEdit, show]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      if (/^[1-4]$/.test(event.key)) setLevel(Number(event.key) - 1);
      else if (event.key === '0' || event.key === 'Escape') setLevel(null);
      else if (event.key === 'ArrowDown') setLevel((l) => (l === null ? 0 : Math.min(3, l + 1)));
      else if (event.key === 'ArrowUp') setLevel((l) => (l === null || l === 0 ? null : l - 1));
      else return;
      show(0);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [show]);
  usePageKeys(turner, { next: ['ArrowRight'], previous: ['ArrowLeft'] });

  useEffect(() => {
    if (synthesis) document.title = `${t('encuentroUi.projector.windowTitle')} — ${synthesis.sala.name}`;
  }, [synthesis]);

  if (!synthesis || !rows) return <ProjectorPlaceholder pending={query.isPending} error={query.error} />;
  const page = layout?.pages[turner.page];
  return (
    <ProjectorFrame
      title={synthesis.sala.name}
      subtitle={synthesis.ejeName}
      turner={turner}
      keys={t('encuentroUi.projector.levelKeys')}
      footer={
        <p>
          {t('encuentroUi.projector.status', { status: synthesisStatusLabel(synthesis.status) })}
          {level !== null ? ` · ${t('encuentroUi.projector.oneLevel', { level: synthesisLevelLabel(SYNTHESIS_LEVELS[level]!) })}` : ''}
        </p>
      }
    >
      <section className="projector-content" aria-label={t('encuentroUi.projector.synthesisTable')} style={{ '--projector-font': `${layout?.size ?? 0}px` } as CSSProperties}>
        <div ref={pageRef} className="projector-page">
          {page ? <SynthesisTable rows={rows} texts={texts} slices={page.rows} /> : <MeasuringTable ref={ref} cache={cache} texts={texts} />}
        </div>
      </section>
    </ProjectorFrame>
  );
}

function TableHead({ measure }: { measure?: boolean }) {
  return (
    <>
      <colgroup>
        <col className="projector-col-level" />
        {SYNTHESIS_AXES.map((axis) => (
          <col key={axis} />
        ))}
      </colgroup>
      <thead data-measure={measure ? 'thead' : undefined} data-text={measure ? '' : undefined}>
        <tr>
          <th scope="col">{t('encuentroUi.synthesis.levels')}</th>
          {SYNTHESIS_AXES.map((axis) => (
            <th key={axis} scope="col">
              {synthesisAxisLabel(axis)}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}

/** One page of the plenary table: the slices of the levels it holds. */
function SynthesisTable({ rows, texts, slices }: { rows: LevelRow[]; texts: RowTexts[]; slices: RowSlice[] }) {
  return (
    <table className="projector-table">
      <TableHead />
      <tbody>
        {slices.map((slice) => {
          const row = rows[slice.row]!;
          return (
            <tr key={`${row.level}-${slice.cells.map((c) => c.from).join('-')}`}>
              <th scope="row">{slice.continued ? texts[slice.row]!.continuedHead : texts[slice.row]!.head}</th>
              {row.cells.map((items, c) => {
                const { from, to } = slice.cells[c]!;
                return (
                  <td key={SYNTHESIS_AXES[c]}>
                    {items.length === 0 && !slice.continued ? (
                      <span className="projector-none">{NONE}</span>
                    ) : from < to ? (
                      <ul>
                        {items.slice(from, to).map((item) => (
                          <li key={item.id} data-item-id={item.id}>
                            {item.text}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * The measuring copy (see useMeasuredLayout): the table's header and one row holding the texts
 * not measured yet, headings in the level column and items in an axis column.
 */
function MeasuringTable({ cache, texts, ref }: { cache: HeightCache; texts: RowTexts[]; ref: Ref<HTMLTableElement> }) {
  return (
    <table ref={ref} className="projector-table projector-measure" aria-hidden="true">
      <TableHead measure />
      <tbody>
        <tr>
          <th scope="row">
            {unmeasured(cache, 'head', texts.flatMap((r) => [r.head, r.continuedHead])).map((text) => (
              <span key={text} data-measure="head">
                {text}
              </span>
            ))}
          </th>
          <td>
            {cache.missing('none', NONE) ? (
              <span className="projector-none" data-measure="none">
                {NONE}
              </span>
            ) : null}
            <ul>
              {unmeasured(cache, 'item', texts.flatMap((r) => r.cells.flat())).map((text) => (
                <li key={text} data-measure="item">
                  {text}
                </li>
              ))}
            </ul>
          </td>
          <td />
        </tr>
      </tbody>
    </table>
  );
}
