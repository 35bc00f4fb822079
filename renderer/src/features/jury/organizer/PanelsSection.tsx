import { useState } from 'react';
import type { Juror, Panel } from '../../../../../shared/domain/jury-types';
import type { Edition, Stage } from '../../../../../shared/domain/types';
import { t } from '../../../../../shared/i18n';
import { useAnnounce } from '../../../app/announcer';
import { QueryStatus } from '../../../components/QueryStatus';
import { errorText } from '../../../lib/errors';
import { StagePicker, useStageChoice } from '../common/StagePicker';
import { useSavePanel } from '../mutations';
import { useJurors, usePanels } from '../queries';

/** Per stage, which jurors score each category (and a general panel for entries of any other). */
export function PanelsSection({ edition, stages }: { edition: Edition; stages: Stage[] }) {
  const [stage, setStage] = useStageChoice(stages);
  const panels = usePanels(stage?.id ?? null);
  const jurors = useJurors(edition.id);
  const groups: { categoryId: number | null; name: string }[] = [
    ...edition.categories.map((c) => ({ categoryId: c.id, name: c.name })),
    { categoryId: null, name: t('jury.panel.general') },
  ];
  return (
    <section className="panel" aria-labelledby="panels-heading">
      <h2 id="panels-heading">{t('juryUi.panels.title')}</h2>
      <p className="muted small">{t('juryUi.panels.help')}</p>
      <StagePicker stages={stages} value={stage} onChange={setStage} />
      {stage && (
        <QueryStatus query={panels}>
          {(list) => (
            <QueryStatus query={jurors}>
              {(people) => (
                <div className="panel-grid">
                  {groups.map((g) => (
                    <PanelEditor
                      key={`${stage.id}-${g.categoryId ?? 'general'}`}
                      stageId={stage.id}
                      categoryId={g.categoryId}
                      name={g.name}
                      panel={list.find((p) => p.categoryId === g.categoryId) ?? null}
                      jurors={people}
                    />
                  ))}
                </div>
              )}
            </QueryStatus>
          )}
        </QueryStatus>
      )}
    </section>
  );
}

function PanelEditor({ stageId, categoryId, name, panel, jurors }: { stageId: number; categoryId: number | null; name: string; panel: Panel | null; jurors: Juror[] }) {
  const [members, setMembers] = useState<Set<number>>(() => new Set(panel?.members.map((m) => m.jurorId) ?? []));
  const save = useSavePanel();
  const announce = useAnnounce();
  const base = `panel-${stageId}-${categoryId ?? 'general'}`;
  const toggle = (id: number) => {
    const next = new Set(members);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setMembers(next);
  };
  return (
    <fieldset className="panel-editor">
      <legend>{name}</legend>
      <p className="muted small">{t('juryUi.panels.count', { count: members.size })}</p>
      <ul className="checkbox-list">
        {jurors.map((j) => (
          <li key={j.id} className="field-checkbox">
            <input id={`${base}-${j.id}`} type="checkbox" checked={members.has(j.id)} onChange={() => toggle(j.id)} disabled={j.withdrawn && !members.has(j.id)} />
            <label htmlFor={`${base}-${j.id}`}>
              {j.name}
              {j.withdrawn && ` (${t('juryUi.jurors.withdrawn')})`}
            </label>
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={() =>
          save.mutate(
            { stageId, categoryId, name: panel?.name ?? name, jurorIds: [...members] },
            { onSuccess: () => announce(t('juryUi.panels.saved', { name })), onError: (e) => announce(errorText(e), 'error') },
          )
        }
        disabled={save.isPending}
      >
        {t('juryUi.panels.save', { name })}
      </button>
    </fieldset>
  );
}
