import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Contribution, PracticeMatrix, SalaSynthesis, SynthesisItem } from '../../../../../shared/domain/encuentro-types';
import {
  CONTRIBUTION_BLOCKS,
  SYNTHESIS_AXES,
  SYNTHESIS_LEVELS,
  blockLabel,
  blockShortLabel,
  levelFromLabel,
  levelLabel,
  synthesisAxisLabel,
  synthesisLevelLabel,
  synthesisStatusLabel,
  type ContributionBlock,
} from '../../../../../shared/domain/encuentro-matrix';
import { t } from '../../../../../shared/i18n';
import { call } from '../../../api/client';
import { errorText } from '../../../lib/errors';
import { onEncuentroEvent } from '../events';
import { liveKeys } from '../queries';
import { parseProjectorPath } from '../routes';
import '../encuentro.css';

/**
 * What the room sees: read-only, very large type, high contrast, no app chrome. It applies
 * the pushed events to what it shows (no refetch per keystroke), so the moderator's typing
 * appears on the wall within a fraction of a second.
 */
export function ProjectorScreen({ path }: { path: readonly string[] }) {
  const page = parseProjectorPath(path);
  useEffect(() => {
    document.body.classList.add('projector-body');
    return () => document.body.classList.remove('projector-body');
  }, []);
  if (page.view === 'sala') return <SalaProjector key={`s${page.salaId}`} salaId={page.salaId} />;
  if (page.view === 'practice') return <PracticeProjector key={`p${page.practiceId}`} practiceId={page.practiceId} salaId={page.salaId} />;
  return (
    <main className="projector">
      <h1>{t('encuentroUi.projector.invalid')}</h1>
    </main>
  );
}

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
  return changed ? { ...matrix, blocks } : matrix;
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
        queryClient.setQueryData<PracticeMatrix>(key, (old) =>
          old ? upsertContribution(old, event.contribution, event.action === 'deleted' || event.contribution.deleted) : old,
        );
        if (event.action !== 'deleted') setLastBlock(event.contribution.block);
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
  return { query, lastBlock };
}

/**
 * Shrinks the type until the content fits the screen (down to a floor), so a long list stays
 * whole rather than cut; grows back when items are removed.
 */
function useFitText(deps: unknown[], max: number, min: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState(max);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let current = max;
    el.style.setProperty('--projector-font', `${current}px`);
    while (el.scrollHeight > el.clientHeight + 1 && current > min) {
      current -= 2;
      el.style.setProperty('--projector-font', `${current}px`);
    }
    setSize(current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-measured whenever what is shown changes
  }, deps);
  return { ref, size };
}

function ProjectorFrame({ title, subtitle, children, footer }: { title: string; subtitle: string; children: ReactNode; footer: ReactNode }) {
  return (
    <main className="projector">
      <header className="projector-header">
        <h1>{title}</h1>
        <p>{subtitle}</p>
      </header>
      {children}
      <footer className="projector-footer">{footer}</footer>
    </main>
  );
}

function PracticeProjector({ practiceId, salaId }: { practiceId: number; salaId: number | null }) {
  const { query, lastBlock } = useLiveMatrix(practiceId, salaId);
  const [chosen, setChosen] = useState<ContributionBlock | null>(null);
  const block: ContributionBlock = chosen ?? lastBlock ?? 'limitantes';
  const matrix = query.data;
  const { ref } = useFitText([matrix, block], 44, 20);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const index = CONTRIBUTION_BLOCKS.indexOf(block);
      if (event.key === 'ArrowRight') setChosen(CONTRIBUTION_BLOCKS[(index + 1) % 4]!);
      else if (event.key === 'ArrowLeft') setChosen(CONTRIBUTION_BLOCKS[(index + 3) % 4]!);
      else if (/^[1-4]$/.test(event.key)) setChosen(CONTRIBUTION_BLOCKS[Number(event.key) - 1]!);
      else if (event.key.toLowerCase() === 's') setChosen(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [block]);

  useEffect(() => {
    if (matrix) document.title = `${t('encuentroUi.projector.windowTitle')} — ${matrix.practice.title}`;
  }, [matrix]);

  if (query.isPending) return <ProjectorFrame title={t('common.loading')} subtitle="" footer={null}>{null}</ProjectorFrame>;
  // A failed refresh keeps the last contributions on the wall: only a practice never read is an error.
  if (!matrix)
    return (
      <ProjectorFrame title={t('encuentroUi.projector.invalid')} subtitle={errorText(query.error)} footer={null}>
        {null}
      </ProjectorFrame>
    );
  const shown = matrix.blocks.find((b) => b.block === block);
  const factor = block === 'limitantes' || block === 'favorables';
  return (
    <ProjectorFrame
      title={`${matrix.practice.igedName}${matrix.practice.region ? ` (${matrix.practice.region})` : ''}`}
      subtitle={`${matrix.practice.title}${matrix.practice.year ? ` (${matrix.practice.year})` : ''}`}
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
      <section className="projector-content" ref={ref} aria-labelledby="projector-block">
        <h2 id="projector-block">{blockLabel(block)}</h2>
        <div className="projector-cells">
          {shown?.cells.map((cell) => (
            <div key={cell.level} className={`projector-cell${cell.contributions.length === 0 ? ' projector-cell-empty' : ''}`}>
              <h3>{factor ? levelFromLabel(cell.level) : levelLabel(cell.level)}</h3>
              {cell.contributions.length > 0 ? (
                <ul>
                  {cell.contributions.map((c) => (
                    <li key={c.id} data-contribution-id={c.id}>
                      {c.text}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="projector-none">—</p>
              )}
            </div>
          ))}
        </div>
      </section>
    </ProjectorFrame>
  );
}

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

function SalaProjector({ salaId }: { salaId: number }) {
  const queryClient = useQueryClient();
  const key = liveKeys.synthesis(salaId);
  const query = useQuery({ queryKey: key, queryFn: () => call('encuentro.synthesis.get', { salaId }), staleTime: Infinity });
  const [level, setLevel] = useState<number | null>(null);
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
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (/^[1-4]$/.test(event.key)) setLevel(Number(event.key) - 1);
      else if (event.key === '0' || event.key === 'Escape') setLevel(null);
      else if (event.key === 'ArrowDown') setLevel((l) => (l === null ? 0 : Math.min(3, l + 1)));
      else if (event.key === 'ArrowUp') setLevel((l) => (l === null || l === 0 ? null : l - 1));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const synthesis = query.data;
  const { ref } = useFitText([synthesis, level], 40, 16);
  useEffect(() => {
    if (synthesis) document.title = `${t('encuentroUi.projector.windowTitle')} — ${synthesis.sala.name}`;
  }, [synthesis]);

  if (query.isPending) return <ProjectorFrame title={t('common.loading')} subtitle="" footer={null}>{null}</ProjectorFrame>;
  if (!synthesis)
    return (
      <ProjectorFrame title={t('encuentroUi.projector.invalid')} subtitle={errorText(query.error)} footer={null}>
        {null}
      </ProjectorFrame>
    );
  const levels = level === null ? SYNTHESIS_LEVELS : [SYNTHESIS_LEVELS[level]!];
  return (
    <ProjectorFrame
      title={synthesis.sala.name}
      subtitle={synthesis.ejeName}
      footer={
        <span>
          {t('encuentroUi.projector.status', { status: synthesisStatusLabel(synthesis.status) })} · {t('encuentroUi.projector.levelKeys')}
        </span>
      }
    >
      <section className="projector-content" ref={ref} aria-label={t('encuentroUi.projector.synthesisTable')}>
        <table className="projector-table">
          <thead>
            <tr>
              <th scope="col">{t('encuentroUi.synthesis.levels')}</th>
              {SYNTHESIS_AXES.map((axis) => (
                <th key={axis} scope="col">
                  {synthesisAxisLabel(axis)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {levels.map((lv) => (
              <tr key={lv}>
                <th scope="row">{synthesisLevelLabel(lv)}</th>
                {SYNTHESIS_AXES.map((axis) => {
                  const cell = synthesis.cells.find((c) => c.level === lv && c.axis === axis);
                  return (
                    <td key={axis}>
                      {cell && cell.items.length > 0 ? (
                        <ul>
                          {cell.items.map((item) => (
                            <li key={item.id}>{item.text}</li>
                          ))}
                        </ul>
                      ) : (
                        <span className="projector-none">—</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </ProjectorFrame>
  );
}
