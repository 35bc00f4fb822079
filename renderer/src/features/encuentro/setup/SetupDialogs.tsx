import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { practiceFields } from '../../../../../shared/domain/encuentro-schemas';
import type { EncuentroDetail, EncuentroPractice, Panel, Sala } from '../../../../../shared/domain/encuentro-types';
import { t } from '../../../../../shared/i18n';
import { Dialog } from '../../../components/Dialog';
import { FormFooter } from '../../../components/FormFooter';
import { InputField, SelectField, TextAreaField } from '../../../components/fields';
import { useDialogAction, useFormSubmit } from '../../../lib/form-submit';
import { numberOrNull } from '../../../lib/format';
import { useEntries } from '../../entries/queries';
import { useAddPracticeFromEntry, useCreatePanel, useCreatePractice, useCreateSala, useUpdatePanel, useUpdatePractice, useUpdateSala } from '../mutations';

const practiceForm = z.object({ fields: practiceFields });
type PracticeInput = z.input<typeof practiceForm>;
type PracticeOutput = z.output<typeof practiceForm>;

/** A practice: picked from the edition's entries (its data copied, the link kept) or typed by hand. */
export function PracticeDialog({ detail, practice, onClose }: { detail: EncuentroDetail; practice: EncuentroPractice | null; onClose(): void }) {
  const [mode, setMode] = useState<'entry' | 'hand'>(practice ? 'hand' : 'entry');
  return (
    <Dialog title={practice ? t('encuentroUi.practice.edit') : t('encuentroUi.setup.addPractice')} onClose={onClose} size="large">
      {!practice && (
        <fieldset className="plain-fieldset">
          <legend>{t('encuentroUi.practice.source')}</legend>
          <label>
            <input type="radio" name="practice-mode" checked={mode === 'entry'} onChange={() => setMode('entry')} /> {t('encuentroUi.practice.fromEntry')}
          </label>{' '}
          <label>
            <input type="radio" name="practice-mode" checked={mode === 'hand'} onChange={() => setMode('hand')} /> {t('encuentroUi.practice.byHand')}
          </label>
        </fieldset>
      )}
      {mode === 'entry' && !practice ? <FromEntry detail={detail} onClose={onClose} /> : <ByHand detail={detail} practice={practice} onClose={onClose} />}
    </Dialog>
  );
}

function FromEntry({ detail, onClose }: { detail: EncuentroDetail; onClose(): void }) {
  const entries = useEntries(detail.editionId);
  const add = useAddPracticeFromEntry();
  const [entryId, setEntryId] = useState('');
  const [ejeId, setEjeId] = useState('');
  const [year, setYear] = useState('');
  const taken = new Set(detail.practices.map((p) => p.entryId));
  const { error, run } = useDialogAction(async () => {
    const y = numberOrNull(year);
    await add.mutateAsync({ encuentroId: detail.id, entryId: Number(entryId), ejeId: ejeId ? Number(ejeId) : null, ...(y !== null ? { year: y } : {}) });
    onClose();
  });
  return (
    <div className="form">
      <SelectField label={t('encuentroUi.practice.entry')} required value={entryId} onChange={(e) => setEntryId(e.target.value)}>
        <option value="">{t('encuentroUi.practice.chooseEntry')}</option>
        {(entries.data ?? [])
          .filter((entry) => !taken.has(entry.id))
          .map((entry) => (
            <option key={entry.id} value={entry.id}>
              {`${entry.igedName || entry.region} — ${entry.title}`}
            </option>
          ))}
      </SelectField>
      <EjeSelect detail={detail} value={ejeId} onChange={setEjeId} />
      <InputField label={t('encuentroUi.practice.year')} hint={t('encuentroUi.practice.yearHint')} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />
      <FormFooter error={error} onCancel={onClose} confirmLabel={t('encuentroUi.setup.addPractice')} onConfirm={run} disabled={entryId === '' || add.isPending} />
    </div>
  );
}

function EjeSelect({ detail, value, onChange }: { detail: EncuentroDetail; value: string; onChange(value: string): void }) {
  return (
    <SelectField label={t('encuentroUi.practice.eje')} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('encuentroUi.setup.noEje')}</option>
      {detail.ejes.map((eje) => (
        <option key={eje.id} value={eje.id}>
          {eje.name}
        </option>
      ))}
    </SelectField>
  );
}

function ByHand({ detail, practice, onClose }: { detail: EncuentroDetail; practice: EncuentroPractice | null; onClose(): void }) {
  const create = useCreatePractice();
  const update = useUpdatePractice();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<PracticeInput, unknown, PracticeOutput>({
    resolver: zodResolver(practiceForm),
    defaultValues: {
      fields: practice
        ? { ...practice }
        : { ejeId: null, region: '', igedName: '', title: '', year: null, presenter: '', presenterCargo: '' },
    },
  });
  const { formError, onSubmit: submit } = useFormSubmit({ handleSubmit, setError }, async ({ fields }) => {
    if (practice) await update.mutateAsync({ id: practice.id, fields });
    else await create.mutateAsync({ encuentroId: detail.id, fields });
    onClose();
  });
  return (
    <form className="form" noValidate onSubmit={submit}>
      <div className="form-grid">
        <SelectField label={t('encuentroUi.practice.eje')} className="span-2" {...register('fields.ejeId', { setValueAs: (v: unknown) => (v === '' || v === null ? null : Number(v)) })}>
          <option value="">{t('encuentroUi.setup.noEje')}</option>
          {detail.ejes.map((eje) => (
            <option key={eje.id} value={eje.id}>
              {eje.name}
            </option>
          ))}
        </SelectField>
        <InputField label={t('encuentroUi.practice.region')} className="span-1" error={errors.fields?.region?.message} {...register('fields.region')} />
        <InputField label={t('encuentroUi.practice.iged')} className="span-1" error={errors.fields?.igedName?.message} {...register('fields.igedName')} />
        <InputField label={t('encuentroUi.practice.title')} required className="span-3" error={errors.fields?.title?.message} {...register('fields.title')} />
        <InputField
          label={t('encuentroUi.practice.year')}
          inputMode="numeric"
          className="span-1"
          error={errors.fields?.year?.message}
          {...register('fields.year', { setValueAs: (v: unknown) => numberOrNull(v) })}
        />
        <InputField label={t('encuentroUi.practice.presenter')} className="span-2" error={errors.fields?.presenter?.message} {...register('fields.presenter')} />
        <InputField label={t('encuentroUi.practice.cargo')} className="span-2" error={errors.fields?.presenterCargo?.message} {...register('fields.presenterCargo')} />
      </div>
      <FormFooter error={formError} onCancel={onClose} confirmLabel={t('common.save')} pending={isSubmitting} />
    </form>
  );
}

function PracticeChecks({ detail, chosen, onChange }: { detail: EncuentroDetail; chosen: number[]; onChange(ids: number[]): void }) {
  return (
    <fieldset className="plain-fieldset">
      <legend>{t('encuentroUi.setup.practices')}</legend>
      {detail.practices.map((p) => (
        <div key={p.id} className="field-checkbox">
          <label>
            <input
              type="checkbox"
              checked={chosen.includes(p.id)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, p.id] : chosen.filter((id) => id !== p.id))}
            />{' '}
            {`${p.igedName}: ${p.title}`}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** A panel of an eje: its practices in order of presentation and its moderator. */
export function PanelDialog({ detail, panel, onClose }: { detail: EncuentroDetail; panel: Panel | null; onClose(): void }) {
  const create = useCreatePanel();
  const update = useUpdatePanel();
  const [ejeId, setEjeId] = useState(String(panel?.ejeId ?? detail.ejes[0]?.id ?? ''));
  const [title, setTitle] = useState(panel?.title ?? '');
  const [moderatorName, setModeratorName] = useState(panel?.moderatorName ?? '');
  const [moderatorInstitution, setModeratorInstitution] = useState(panel?.moderatorInstitution ?? '');
  const [practiceIds, setPracticeIds] = useState<number[]>(panel?.practiceIds ?? []);
  const { error, run } = useDialogAction(async () => {
    const fields = { ejeId: Number(ejeId), title, moderatorName, moderatorInstitution, practiceIds };
    if (panel) await update.mutateAsync({ id: panel.id, fields });
    else await create.mutateAsync({ encuentroId: detail.id, fields });
    onClose();
  });
  return (
    <Dialog title={panel ? t('encuentroUi.panel.edit') : t('encuentroUi.setup.addPanel')} onClose={onClose} size="large">
      <div className="form">
        <EjeSelect detail={detail} value={ejeId} onChange={setEjeId} />
        <InputField label={t('encuentroUi.panel.title')} value={title} onChange={(e) => setTitle(e.target.value)} />
        <InputField label={t('encuentroUi.panel.moderator')} value={moderatorName} onChange={(e) => setModeratorName(e.target.value)} />
        <InputField label={t('encuentroUi.panel.institution')} value={moderatorInstitution} onChange={(e) => setModeratorInstitution(e.target.value)} />
        <PracticeChecks detail={detail} chosen={practiceIds} onChange={setPracticeIds} />
        <FormFooter error={error} onCancel={onClose} confirmLabel={t('common.save')} onConfirm={run} disabled={ejeId === ''} />
      </div>
    </Dialog>
  );
}

/** One moderator per line: "Nombre — Institución". */
function parseModerators(text: string) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, ...rest] = line.split(/\s+[—–-]\s+/);
      return { name: (name ?? '').trim(), institution: rest.join(' - ').trim() };
    });
}

/** A sala of an eje: its practices and moderators. */
export function SalaDialog({ detail, sala, onClose }: { detail: EncuentroDetail; sala: Sala | null; onClose(): void }) {
  const create = useCreateSala();
  const update = useUpdateSala();
  const [ejeId, setEjeId] = useState(String(sala?.ejeId ?? detail.ejes[0]?.id ?? ''));
  const [name, setName] = useState(sala?.name ?? '');
  const [moderators, setModerators] = useState((sala?.moderators ?? []).map((m) => (m.institution ? `${m.name} — ${m.institution}` : m.name)).join('\n'));
  const [practiceIds, setPracticeIds] = useState<number[]>(sala?.practiceIds ?? []);
  const { error, run } = useDialogAction(async () => {
    const fields = { ejeId: Number(ejeId), name, moderators: parseModerators(moderators), practiceIds };
    if (sala) await update.mutateAsync({ id: sala.id, fields });
    else await create.mutateAsync({ encuentroId: detail.id, fields });
    onClose();
  });
  return (
    <Dialog title={sala ? t('encuentroUi.sala.edit') : t('encuentroUi.setup.addSala')} onClose={onClose} size="large">
      <div className="form">
        <EjeSelect detail={detail} value={ejeId} onChange={setEjeId} />
        <InputField label={t('encuentroUi.sala.name')} required value={name} onChange={(e) => setName(e.target.value)} />
        <TextAreaField label={t('encuentroUi.sala.moderators')} hint={t('encuentroUi.sala.moderatorsHint')} value={moderators} onChange={(e) => setModerators(e.target.value)} />
        <PracticeChecks detail={detail} chosen={practiceIds} onChange={setPracticeIds} />
        <FormFooter error={error} onCancel={onClose} confirmLabel={t('common.save')} onConfirm={run} disabled={ejeId === '' || name.trim() === ''} />
      </div>
    </Dialog>
  );
}
