import { useEffect, useRef, useState } from 'react';
import type { Contribution, EncuentroDetail, SalaSynthesis, SynthesisItem } from '../../../../../shared/domain/encuentro-types';
import {
  SYNTHESIS_AXES,
  SYNTHESIS_LEVELS,
  SYNTHESIS_TRANSITIONS,
  blockShortLabel,
  levelLabel,
  mergeDefaults,
  synthesisAxisLabel,
  synthesisLevelLabel,
  synthesisStatusLabel,
  type SynthesisAxis,
  type SynthesisLevel,
  type SynthesisStatus,
} from '../../../../../shared/domain/encuentro-matrix';
import { formatDateTime, t } from '../../../../../shared/i18n';
import { call } from '../../../api/client';
import { useAnnounce } from '../../../app/announcer';
import { Dialog } from '../../../components/Dialog';
import { QueryStatus } from '../../../components/QueryStatus';
import { ScreenTitle } from '../../../components/ScreenTitle';
import { SelectField, TextAreaField } from '../../../components/fields';
import { errorText } from '../../../lib/errors';
import { short } from '../capture/ItemEditor';
import { UndoBar } from '../capture/UndoBar';
import { EncuentroBreadcrumb } from '../EncuentroBreadcrumb';
import { EncuentroTabs } from '../EncuentroTabs';
import { FormFooter } from '../../../components/FormFooter';
import { ExportButtons } from '../ExportButtons';
import { useCreateSynthesisItem, useDeleteSynthesisItem, useMerge, useMoveSynthesisItem, usePromote, useReorderSynthesis, useRestoreSynthesisItem, useSetSynthesisStatus } from '../mutations';
import { ProjectorButton } from '../projector/ProjectorButton';
import { useEncuentro, useSalaContributions, useSynthesis } from '../queries';
import { encuentroHref } from '../routes';
import { saveResult } from './AutosaveText';
import { useLiveContributionTexts } from './live-contributions';
import { MatrixItem, shiftedCell } from './MatrixItem';
import { SourcesDialog } from './SourcesDialog';
import { visibleSalas } from '../../sede/device-routes';
import { OrganizerOnly, useDeviceScope } from '../../sede/device-scope';

/** A sala's plenary table, built from its contributions: promote, merge, edit, reorder; borrador → revisión → final. */
export function SynthesisScreen({ encuentroId, salaId }: { encuentroId: number; salaId: number | null }) {
  const encuentro = useEncuentro(encuentroId);
  useLiveContributionTexts(encuentroId);
  const scope = useDeviceScope();
  return (
    <section className="encuentro-screen">
      <EncuentroBreadcrumb encuentroId={encuentroId} name={encuentro.data?.name} />
      <ScreenTitle actions={salaId !== null && scope === null ? <ProjectorButton target={{ view: 'sala', salaId }} /> : undefined}>{t('encuentroUi.synthesis.title')}</ScreenTitle>
      <EncuentroTabs encuentroId={encuentroId} current="synthesis" />
      <QueryStatus query={encuentro}>
        {(detail) => (
          <>
            <nav aria-label={t('encuentroUi.synthesis.salas')} className="button-group">
              {visibleSalas(scope, detail.salas).map((s) => (
                <a key={s.id} className={`button${s.id === salaId ? ' primary' : ''}`} aria-current={s.id === salaId ? 'page' : undefined} href={encuentroHref({ page: 'synthesis', encuentroId, salaId: s.id })}>
                  {s.name}
                </a>
              ))}
            </nav>
            {salaId === null ? <p className="empty">{t('encuentroUi.synthesis.pickSala')}</p> : <SalaSynthesisView detail={detail} salaId={salaId} />}
          </>
        )}
      </QueryStatus>
    </section>
  );
}

function SalaSynthesisView({ detail, salaId }: { detail: EncuentroDetail; salaId: number }) {
  const synthesis = useSynthesis(salaId);
  return <QueryStatus query={synthesis}>{(data) => <SynthesisTable detail={detail} synthesis={data} />}</QueryStatus>;
}

function SynthesisTable({ detail, synthesis }: { detail: EncuentroDetail; synthesis: SalaSynthesis }) {
  const locked = synthesis.status === 'final';
  const announce = useAnnounce();
  const create = useCreateSynthesisItem();
  const remove = useDeleteSynthesisItem();
  const restore = useRestoreSynthesisItem();
  const reorder = useReorderSynthesis();
  const move = useMoveSynthesisItem();
  const [deleted, setDeleted] = useState<SynthesisItem | null>(null);
  const [editingSources, setEditingSources] = useState<SynthesisItem | null>(null);
  // An item just added takes the focus once it is drawn: the organizer writes it straight away
  // (leaving the focus on «Añadir» made each Space add another empty item).
  const focusPending = useRef<number | null>(null);
  const focusItem = (id: number | null) => {
    const box = id === null ? null : document.getElementById(synthesisItemDomId(id));
    box?.focus();
    focusPending.current = box ? null : id;
  };
  useEffect(() => focusItem(focusPending.current), [synthesis]);
  const salaId = synthesis.sala.id;
  const practiceName = (id: number) => detail.practices.find((p) => p.id === id)?.igedName ?? '';
  const fail = (error: unknown) => announce(errorText(error), 'error');

  const del = (item: SynthesisItem) =>
    remove.mutate({ id: item.id }, { onSuccess: () => setDeleted(item), onError: fail });
  const undo = () => {
    if (!deleted) return;
    restore.mutate({ id: deleted.id }, { onSuccess: () => setDeleted(null), onError: fail });
  };
  const shift = (items: SynthesisItem[], index: number, delta: -1 | 1) => {
    const order = shiftedCell(items, index, delta);
    if (order) reorder.mutate({ salaId, ...order }, { onError: fail });
  };

  return (
    <>
      <StatusBar synthesis={synthesis} />
      <div className="synthesis-layout">
        <table className="synthesis-table">
          <caption className="sr-only">{t('encuentroUi.synthesis.caption', { sala: synthesis.sala.name })}</caption>
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
            {SYNTHESIS_LEVELS.map((level) => (
              <tr key={level}>
                <th scope="row">{synthesisLevelLabel(level)}</th>
                {SYNTHESIS_AXES.map((axis) => {
                  const items = synthesis.cells.find((c) => c.level === level && c.axis === axis)?.items ?? [];
                  const cellName = `${synthesisLevelLabel(level)} — ${synthesisAxisLabel(axis)}`;
                  return (
                    <td key={axis}>
                      <ul className="synthesis-items">
                        {items.map((item, index) => (
                          <MatrixItem
                            key={item.id}
                            item={item}
                            index={index}
                            count={items.length}
                            cellName={cellName}
                            domId={synthesisItemDomId(item.id)}
                            locked={locked}
                            sources={item.sources
                              .map((s) => `«${short(s.text)}» (${practiceName(s.practiceId)}, ${blockShortLabel(s.block)}, ${levelLabel(s.level)}${s.deleted ? `, ${t('encuentroUi.synthesis.sourceDeleted')}` : ''})`)
                              .join('; ')}
                            save={async (text, revision, base) => saveResult(await call('encuentro.synthesis.updateItem', { id: item.id, text, revision, ...base }))}
                            onShift={(delta) => shift(items, index, delta)}
                            onDelete={() => del(item)}
                          >
                            <button type="button" className="link-button" aria-label={t('encuentroUi.synthesis.editSourcesOf', { name: short(item.text) })} onClick={() => setEditingSources(item)}>
                              {t('encuentroUi.synthesis.editSources')}
                            </button>
                            <MoveSelect item={item} onMove={(lv, ax) => move.mutate({ id: item.id, level: lv, axis: ax }, { onError: fail })} />
                          </MatrixItem>
                        ))}
                      </ul>
                      {!locked && (
                        <button type="button" className="link-button" onClick={() => create.mutate({ salaId, level, axis, text: '' }, { onSuccess: (item) => focusItem(item.id), onError: fail })}>
                          {t('encuentroUi.synthesis.addItem', { cell: cellName })}
                        </button>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {!locked && <SourcePicker detail={detail} salaId={salaId} synthesis={synthesis} />}
      </div>
      {editingSources && <SourcesDialog detail={detail} item={editingSources} onClose={() => setEditingSources(null)} />}
      {deleted && <UndoBar message={t('encuentroUi.synthesis.deleted', { text: short(deleted.text) })} onUndo={undo} />}
      <OrganizerOnly>
        <p>
          <ExportButtons encuentroId={detail.id} />
        </p>
      </OrganizerOnly>
    </>
  );
}

const synthesisItemDomId = (id: number) => `synthesis-item-${id}`;

function MoveSelect({ item, onMove }: { item: SynthesisItem; onMove(level: SynthesisLevel, axis: SynthesisAxis): void }) {
  const current = `${item.level}|${item.axis}`;
  return (
    <select
      aria-label={t('encuentroUi.synthesis.moveTo', { name: short(item.text) })}
      value={current}
      onChange={(e) => {
        const [level, axis] = e.target.value.split('|') as [SynthesisLevel, SynthesisAxis];
        onMove(level, axis);
      }}
    >
      {SYNTHESIS_LEVELS.flatMap((level) =>
        SYNTHESIS_AXES.map((axis) => (
          <option key={`${level}|${axis}`} value={`${level}|${axis}`}>
            {`${synthesisLevelLabel(level)} — ${synthesisAxisLabel(axis)}`}
          </option>
        )),
      )}
    </select>
  );
}

function StatusBar({ synthesis }: { synthesis: SalaSynthesis }) {
  const setStatus = useSetSynthesisStatus();
  const announce = useAnnounce();
  const [reopening, setReopening] = useState<SynthesisStatus | null>(null);
  const go = (to: SynthesisStatus, reason = '') =>
    setStatus.mutateAsync({ salaId: synthesis.sala.id, status: to, reason }).then(() => announce(t('encuentroUi.synthesis.statusChanged', { status: synthesisStatusLabel(to) })));
  return (
    <div className="panel">
      <p>
        <strong>{t('encuentroUi.synthesis.status')}</strong> <span data-testid="synthesis-status">{synthesisStatusLabel(synthesis.status)}</span>
        {synthesis.status === 'final' && <span className="muted">{` — ${t('encuentroUi.synthesis.locked')}`}</span>}
      </p>
      <div className="button-group">
        {SYNTHESIS_TRANSITIONS[synthesis.status].map((to) => (
          <button
            key={to}
            type="button"
            onClick={() => (synthesis.status === 'final' ? setReopening(to) : void go(to).catch((e: unknown) => announce(errorText(e), 'error')))}
          >
            {t('encuentroUi.synthesis.moveStatus', { status: synthesisStatusLabel(to) })}
          </button>
        ))}
      </div>
      {synthesis.history.length > 0 && (
        <details>
          <summary>{t('encuentroUi.synthesis.history')}</summary>
          <ul className="small">
            {synthesis.history.map((h, i) => (
              <li key={i}>
                {`${formatDateTime(h.at)}: ${synthesisStatusLabel(h.from)} → ${synthesisStatusLabel(h.to)}${h.reason ? ` (${h.reason})` : ''}${h.by ? ` — ${t('who.by', { name: h.by })}` : ''}`}
              </li>
            ))}
          </ul>
        </details>
      )}
      {reopening && <ReopenDialog to={reopening} onClose={() => setReopening(null)} onConfirm={(reason) => go(reopening, reason)} />}
    </div>
  );
}

function ReopenDialog({ to, onClose, onConfirm }: { to: SynthesisStatus; onClose(): void; onConfirm(reason: string): Promise<unknown> }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (reason.trim() === '') {
      setError(t('encuentro.error.reopenReason'));
      return;
    }
    try {
      await onConfirm(reason.trim());
      onClose();
    } catch (caught) {
      setError(errorText(caught));
    }
  };
  return (
    <Dialog title={t('encuentroUi.synthesis.reopenTitle', { status: synthesisStatusLabel(to) })} onClose={onClose}>
      <TextAreaField label={t('encuentroUi.synthesis.reopenReason')} required value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus />
      <FormFooter error={error} onCancel={onClose} confirmLabel={t('encuentroUi.synthesis.reopen')} onConfirm={() => void submit()} />
    </Dialog>
  );
}

/** The sala's contributions, to promote one by one or to merge several into one item. */
function SourcePicker({ detail, salaId, synthesis }: { detail: EncuentroDetail; salaId: number; synthesis: SalaSynthesis }) {
  const contributions = useSalaContributions(detail.id, salaId);
  const promote = usePromote();
  const [picked, setPicked] = useState<number[]>([]);
  const [merging, setMerging] = useState<Contribution[] | null>(null);
  const announce = useAnnounce();
  const used = new Set(synthesis.cells.flatMap((c) => c.items.flatMap((i) => i.sources.map((s) => s.contributionId))));
  const toggle = (id: number) => setPicked((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));
  return (
    <section className="panel" aria-labelledby="sources-title">
      <h2 id="sources-title">{t('encuentroUi.synthesis.contributions')}</h2>
      <QueryStatus query={contributions}>
        {(list) => {
          const chosen = list.filter((c) => picked.includes(c.id));
          return (
            <>
              <div className="button-group">
                <button
                  type="button"
                  disabled={chosen.length === 0}
                  onClick={() => {
                    void Promise.all(chosen.map((c) => promote.mutateAsync({ salaId, contributionId: c.id })))
                      .then(() => {
                        announce(t('encuentroUi.synthesis.promoted', { count: chosen.length }));
                        setPicked([]);
                      })
                      .catch((e: unknown) => announce(errorText(e), 'error'));
                  }}
                >
                  {t('encuentroUi.synthesis.promote', { count: chosen.length })}
                </button>
                <button type="button" disabled={chosen.length < 2} onClick={() => setMerging(chosen)}>
                  {t('encuentroUi.synthesis.merge', { count: chosen.length })}
                </button>
              </div>
              {list.length === 0 && <p className="empty">{t('encuentroUi.synthesis.noContributions')}</p>}
              <ul className="source-list">
                {list.map((c) => (
                  <li key={c.id}>
                    <label>
                      <input type="checkbox" checked={picked.includes(c.id)} onChange={() => toggle(c.id)} /> {c.text}{' '}
                      <span className="muted small">
                        ({detail.practices.find((p) => p.id === c.practiceId)?.igedName}, {blockShortLabel(c.block)}, {levelLabel(c.level)}
                        {used.has(c.id) ? `, ${t('encuentroUi.synthesis.used')}` : ''})
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </QueryStatus>
      {merging && (
        <MergeDialog
          salaId={salaId}
          sources={merging}
          onClose={() => setMerging(null)}
          onDone={() => {
            setPicked([]);
            setMerging(null);
          }}
        />
      )}
    </section>
  );
}

function MergeDialog({ salaId, sources, onClose, onDone }: { salaId: number; sources: Contribution[]; onClose(): void; onDone(): void }) {
  const defaults = mergeDefaults(sources);
  const [text, setText] = useState(sources.map((s) => s.text.trim()).join(' '));
  const [level, setLevel] = useState<SynthesisLevel>(defaults.level);
  const [axis, setAxis] = useState<SynthesisAxis>(defaults.axis);
  const [error, setError] = useState<string | null>(null);
  const merge = useMerge();
  const submit = async () => {
    try {
      await merge.mutateAsync({ salaId, contributionIds: sources.map((s) => s.id), level, axis, text });
      onDone();
    } catch (caught) {
      setError(errorText(caught));
    }
  };
  return (
    <Dialog title={t('encuentroUi.synthesis.mergeTitle', { count: sources.length })} onClose={onClose} size="large">
      <ul className="small">
        {sources.map((s) => (
          <li key={s.id}>{s.text}</li>
        ))}
      </ul>
      <TextAreaField label={t('encuentroUi.synthesis.mergeText')} value={text} onChange={(e) => setText(e.target.value)} data-autofocus />
      <SelectField label={t('encuentroUi.synthesis.level')} value={level} onChange={(e) => setLevel(e.target.value as SynthesisLevel)}>
        {SYNTHESIS_LEVELS.map((l) => (
          <option key={l} value={l}>
            {synthesisLevelLabel(l)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('encuentroUi.synthesis.axis')} value={axis} onChange={(e) => setAxis(e.target.value as SynthesisAxis)}>
        {SYNTHESIS_AXES.map((a) => (
          <option key={a} value={a}>
            {synthesisAxisLabel(a)}
          </option>
        ))}
      </SelectField>
      <FormFooter error={error} onCancel={onClose} confirmLabel={t('encuentroUi.synthesis.mergeConfirm')} onConfirm={() => void submit()} />
    </Dialog>
  );
}
