import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { Contribution, MatrixCell, PracticeMatrix } from '../../../../../shared/domain/encuentro-types';
import { CONTRIBUTION_BLOCKS, blockLabel, hasWords, blockShortLabel, levelFromLabel, levelLabel, type ContributionBlock } from '../../../../../shared/domain/encuentro-matrix';
import { t } from '../../../../../shared/i18n';
import { call } from '../../../api/client';
import { onEncuentroEvent } from '../events';
import { liveKeys } from '../queries';
import { NONE, fitLanes, unmeasured, type LaneGroupTexts } from './measure';
import { lanePageOf, type LanePage, type Segment } from './paging';
import { ProjectorFrame, ProjectorPlaceholder } from './ProjectorFrame';
import { useHeightCache, useMeasuredLayout, useNewestEdit, usePageKeys, usePageTurner } from './usePaging';

/** Two lanes side by side: at 1280 px a lane holds ~40 characters a line at the minimum size. */
const LANES = 2;

function upsertContribution(matrix: PracticeMatrix, c: Contribution, remove: boolean): PracticeMatrix {
  let changed = false;
  const blocks = matrix.blocks.map((block) => ({
    ...block,
    cells: block.cells.map((cell) => {
      const existing = cell.contributions.find((x) => x.id === c.id);
      const belongs = block.block === c.block && cell.level === c.level && !remove;
      if (existing && belongs && existing.revision > c.revision) return cell;
      if (!existing && !belongs) return cell;
      changed = true;
      const others = cell.contributions.filter((x) => x.id !== c.id);
      const list = belongs ? [...others, c].sort((a, b) => a.position - b.position || a.id - b.id) : others;
      return { ...cell, contributions: list };
    }),
  }));
  if (!changed) return matrix;
  // Blocks nothing touched keep their identity, so the projector measures only when what it shows changed.
  return { ...matrix, blocks: blocks.map((block, i) => (block.cells.every((cell, j) => cell === matrix.blocks[i]!.cells[j]) ? matrix.blocks[i]! : block)) };
}

function useLiveMatrix(practiceId: number, salaId: number | null) {
  const queryClient = useQueryClient();
  const key = liveKeys.matrix(practiceId, salaId);
  const query = useQuery({ queryKey: key, queryFn: () => call('encuentro.matrix', { practiceId, salaId }), staleTime: Infinity });
  const [lastBlock, setLastBlock] = useState<ContributionBlock | null>(null);
  useEffect(
    () =>
      onEncuentroEvent((name, payload) => {
        if (name !== 'encuentro.contribution') return;
        const event = payload as { contribution: Contribution; action: string; practiceId: number; salaId: number | null };
        if (event.practiceId !== practiceId || (salaId !== null && event.salaId !== salaId)) return;
        const removed = event.action === 'deleted' || event.contribution.deleted;
        queryClient.setQueryData<PracticeMatrix>(key, (old) => (old ? upsertContribution(old, event.contribution, removed) : old));
        if (!removed) setLastBlock(event.contribution.block);
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key is derived from practiceId and salaId
    [queryClient, practiceId, salaId],
  );
  // A dropped connection may have missed events: read everything again when it comes back.
  useEffect(() => {
    const refresh = () => void queryClient.invalidateQueries({ queryKey: key });
    window.addEventListener('online', refresh);
    return () => window.removeEventListener('online', refresh);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key is derived from practiceId and salaId
  }, [queryClient, practiceId, salaId]);
  const contributions = useMemo(() => query.data?.blocks.flatMap((b) => b.cells.flatMap((c) => c.contributions)), [query.data]);
  return { query, lastBlock, lastEdit: useNewestEdit(contributions) };
}

/**
 * One practice's matrix on the wall, one block at a time (the one being typed in, or the one
 * chosen with 1–4, ←/→; S follows the moderator again). Its levels flow down two lanes in type
 * as large as fits, never below the readable minimum; past it the block is paged.
 */
export function PracticeProjector({ practiceId, salaId }: { practiceId: number; salaId: number | null }) {
  const { query, lastBlock, lastEdit } = useLiveMatrix(practiceId, salaId);
  const [chosen, setChosen] = useState<ContributionBlock | null>(null);
  const block: ContributionBlock = chosen ?? lastBlock ?? 'limiting';
  const matrix = query.data;
  // A blank line (a pushed event from an older client) is not put on the wall.
  const cells = useMemo(
    () => matrix?.blocks.find((b) => b.block === block)?.cells.map((cell) => ({ ...cell, contributions: cell.contributions.filter(hasWords) })),
    [matrix, block],
  );
  const factor = block === 'limiting' || block === 'enabling';
  const groups = useMemo(
    () =>
      cells?.map((cell): LaneGroupTexts => {
        const label = factor ? levelFromLabel(cell.level) : levelLabel(cell.level);
        return { head: label, continuedHead: t('encuentroUi.projector.continued', { label }), items: cell.contributions.map((c) => c.text) };
      }) ?? [],
    [cells, factor],
  );
  const cache = useHeightCache();
  const version = useMemo(() => ({ groups, cache }), [groups, cache]);
  const { ref, layout } = useMeasuredLayout<LanePage, HTMLDivElement>(version, (lane) => fitLanes(cache, lane, groups, LANES));
  const turner = usePageTurner(layout?.pages.length ?? 1);
  const { show } = turner;

  // The moderator's latest text is on the wall: show the page that holds it (typed, or read again after a lost connection).
  const applied = useRef(0);
  useLayoutEffect(() => {
    if (!layout || !cells || !lastEdit || lastEdit.seq === applied.current) return;
    applied.current = lastEdit.seq;
    const group = cells.findIndex((cell) => cell.contributions.some((c) => c.id === lastEdit.id));
    const page = group < 0 ? null : lanePageOf(layout.pages, group, cells[group]!.contributions.findIndex((c) => c.id === lastEdit.id));
    if (page !== null) show(page);
  }, [layout, cells, lastEdit, show]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      const index = CONTRIBUTION_BLOCKS.indexOf(block);
      if (event.key === 'ArrowRight') setChosen(CONTRIBUTION_BLOCKS[(index + 1) % 4]!);
      else if (event.key === 'ArrowLeft') setChosen(CONTRIBUTION_BLOCKS[(index + 3) % 4]!);
      else if (/^[1-4]$/.test(event.key)) setChosen(CONTRIBUTION_BLOCKS[Number(event.key) - 1]!);
      else if (event.key.toLowerCase() === 's') setChosen(null);
      else return;
      show(0);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [block, show]);
  usePageKeys(turner, { next: ['ArrowDown'], previous: ['ArrowUp'] });

  useEffect(() => {
    if (matrix) document.title = `${t('encuentroUi.projector.windowTitle')} — ${matrix.practice.title}`;
  }, [matrix]);

  // A failed refresh keeps the last contributions on the wall: only a practice never read is an error.
  if (!matrix || !cells) return <ProjectorPlaceholder pending={query.isPending} error={query.error} />;
  const page = layout?.pages[turner.page];
  return (
    <ProjectorFrame
      title={`${matrix.practice.igedName}${matrix.practice.region ? ` (${matrix.practice.region})` : ''}`}
      subtitle={`${matrix.practice.title}${matrix.practice.year ? ` (${matrix.practice.year})` : ''}`}
      turner={turner}
      keys={t('encuentroUi.projector.practiceKeys')}
      footer={
        <ol className="projector-blocks" aria-label={t('encuentroUi.projector.blocks')}>
          {CONTRIBUTION_BLOCKS.map((b, i) => (
            <li key={b} aria-current={b === block ? 'true' : undefined}>
              {i + 1}. {blockShortLabel(b)}
            </li>
          ))}
        </ol>
      }
    >
      <section className="projector-content" aria-labelledby="projector-block" style={{ '--projector-font': `${layout?.size ?? 0}px` } as CSSProperties}>
        <h2 id="projector-block">{blockLabel(block)}</h2>
        <div className="projector-page projector-lanes">
          {page ? (
            page.lanes.map((lane, i) => (
              <div key={i} className="projector-lane">
                {lane.map((segment) => (
                  <LevelCell key={`${segment.group}-${segment.from}`} cell={cells[segment.group]!} group={groups[segment.group]!} segment={segment} />
                ))}
              </div>
            ))
          ) : (
            // The measuring copy (see useMeasuredLayout): only the texts not measured yet, in a lane's width.
            <div key="measure" ref={ref} className="projector-lane projector-measure" aria-hidden="true">
              <div className="projector-cell">
                {unmeasured(cache, 'head', groups.flatMap((g) => [g.head, g.continuedHead])).map((text) => (
                  <h3 key={text} data-measure="head">
                    {text}
                  </h3>
                ))}
                {cache.missing('none', NONE) ? (
                  <p className="projector-none" data-measure="none">
                    {NONE}
                  </p>
                ) : null}
                <ul>
                  {unmeasured(cache, 'item', groups.flatMap((g) => g.items)).map((text) => (
                    <li key={text} data-measure="item">
                      {text}
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          )}
        </div>
      </section>
    </ProjectorFrame>
  );
}

/** The items of one level that one lane shows, under the level's heading (marked when it continues). */
function LevelCell({ cell, group, segment }: { cell: MatrixCell; group: LaneGroupTexts; segment: Segment }) {
  return (
    <div className="projector-cell">
      <h3>{segment.continued ? group.continuedHead : group.head}</h3>
      {cell.contributions.length === 0 ? (
        <p className="projector-none">{NONE}</p>
      ) : (
        <ul>
          {cell.contributions.slice(segment.from, segment.to).map((c) => (
            <li key={c.id} data-contribution-id={c.id}>
              {c.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
