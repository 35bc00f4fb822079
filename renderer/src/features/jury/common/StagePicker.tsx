import { useId, useState } from 'react';
import type { Stage } from '../../../../../shared/domain/types';
import { t } from '../../../../../shared/i18n';

const STORAGE_KEY = 'bpge.juryStage';

function stored(): number | null {
  try {
    const value = Number(window.localStorage.getItem(STORAGE_KEY));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

/** The stage the jury screens work on, remembered across screens (organizers work one stage at a time). */
export function useStageChoice(stages: Stage[]): [Stage | null, (id: number) => void] {
  const [chosen, setChosen] = useState<number | null>(stored);
  const stage = stages.find((s) => s.id === chosen) ?? stages[0] ?? null;
  const choose = (id: number) => {
    setChosen(id);
    try {
      window.localStorage.setItem(STORAGE_KEY, String(id));
    } catch {
      // Without storage the choice lasts while the screen is open.
    }
  };
  return [stage, choose];
}

export function StagePicker({ stages, value, onChange }: { stages: Stage[]; value: Stage | null; onChange(id: number): void }) {
  const id = useId();
  if (stages.length === 0) return null;
  return (
    <div className="field stage-picker">
      <label htmlFor={id}>{t('juryUi.stage.label')}</label>
      <select id={id} value={value?.id ?? ''} onChange={(event) => onChange(Number(event.target.value))}>
        {stages.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  );
}
