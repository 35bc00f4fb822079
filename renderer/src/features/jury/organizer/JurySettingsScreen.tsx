import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { jurySettingsFields } from '../../../../../shared/domain/jury-schemas';
import type { JurySettings, TieBreakStep } from '../../../../../shared/domain/jury-types';
import type { Edition } from '../../../../../shared/domain/types';
import { t } from '../../../../../shared/i18n';
import { useAnnounce } from '../../../app/announcer';
import { CheckboxField, InputField, SelectField } from '../../../components/fields';
import { FormFooter } from '../../../components/FormFooter';
import { QueryStatus } from '../../../components/QueryStatus';
import { useFormSubmit } from '../../../lib/form-submit';
import { toNumber } from '../../../lib/format';
import { METHODS, methodName } from '../../results/format';
import { useUpdateJurySettings } from '../mutations';
import { useJurySettings } from '../queries';
import { OrganizerFrame } from './OrganizerFrame';

/** Blind mode, N jurors per entry, the disagreement threshold, the official method and the tie-break chain. */
export function JurySettingsScreen() {
  return <OrganizerFrame tab="settings">{(edition) => <SettingsLoader edition={edition} />}</OrganizerFrame>;
}

function SettingsLoader({ edition }: { edition: Edition }) {
  const settings = useJurySettings(edition.id);
  return <QueryStatus query={settings}>{(s) => <SettingsForm key={s.updatedAt} edition={edition} settings={s} />}</QueryStatus>;
}

const scalars = z.object({
  blindMode: z.boolean(),
  jurorsPerEntry: jurySettingsFields.shape.jurorsPerEntry,
  thresholdPct: z.number({ error: t('validation.number') }).gt(0, { error: t('jury.settings.threshold') }).max(100, { error: t('jury.settings.threshold') }),
  consolidationMethod: jurySettingsFields.shape.consolidationMethod,
  missingRule: jurySettingsFields.shape.missingRule,
  // Shown as a percentage; stored as a fraction like the threshold.
  coveragePct: z.number({ error: t('validation.number') }).gt(0, { error: t('juryUi.settings.coverageError') }).max(100, { error: t('juryUi.settings.coverageError') }),
  trimmedMinJurors: jurySettingsFields.shape.trimmedMinJurors,
  topPlaces: jurySettingsFields.shape.topPlaces,
});
type Scalars = z.output<typeof scalars>;

const RULE_KINDS = ['priorityCriterion', 'higherMedian', 'higherMean', 'smallerSpread', 'organizerDecision'] as const;
const pct = (fraction: number) => Math.round(fraction * 1000) / 10;

function SettingsForm({ edition, settings }: { edition: Edition; settings: JurySettings }) {
  const [chain, setChain] = useState<TieBreakStep[]>(settings.tieBreakChain);
  const update = useUpdateJurySettings();
  const announce = useAnnounce();
  const addId = useId();
  const criterionName = (id: number) => edition.criteria.find((c) => c.id === id)?.name ?? String(id);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof scalars>, unknown, Scalars>({
    resolver: zodResolver(scalars),
    defaultValues: {
      blindMode: settings.blindMode,
      jurorsPerEntry: settings.jurorsPerEntry,
      thresholdPct: pct(settings.disagreementThreshold),
      consolidationMethod: settings.consolidationMethod,
      missingRule: settings.missingRule,
      coveragePct: pct(settings.rescaleMinCoverage),
      trimmedMinJurors: settings.trimmedMinJurors,
      topPlaces: settings.topPlaces,
    },
  });
  const [adding, setAdding] = useState('');
  const addRule = () => {
    if (!adding) return;
    const step: TieBreakStep = adding.startsWith('criterion:') ? { kind: 'priorityCriterion', criterionId: Number(adding.slice(10)) } : ({ kind: adding } as TieBreakStep);
    setChain([...chain.filter((s) => s.kind !== 'organizerDecision'), step, ...chain.filter((s) => s.kind === 'organizerDecision' && step.kind !== 'organizerDecision')]);
    setAdding('');
  };
  const { formError, onSubmit: submit } = useFormSubmit({ handleSubmit, setError }, async (values) => {
    await update.mutateAsync({
      editionId: edition.id,
      fields: {
        blindMode: values.blindMode,
        conflictRules: settings.conflictRules,
        jurorsPerEntry: values.jurorsPerEntry,
        disagreementThreshold: values.thresholdPct / 100,
        tieBreakChain: chain,
        consolidationMethod: values.consolidationMethod,
        missingRule: values.missingRule,
        rescaleMinCoverage: values.coveragePct / 100,
        trimmedMinJurors: values.trimmedMinJurors,
        topPlaces: values.topPlaces,
      },
    });
    announce(t('juryUi.settings.saved'));
  });
  /** Moves a step one place up (−1) or down (+1); the organizer's decision stays last. */
  const move = (index: number, by: -1 | 1) => {
    const next = [...chain];
    const [step] = next.splice(index, 1);
    if (step) next.splice(index + by, 0, step);
    setChain(next);
  };
  const ruleLabel = (s: TieBreakStep) => (s.kind === 'priorityCriterion' ? t('results.rule.priorityCriterion', { criterion: criterionName(s.criterionId) }) : t(`results.rule.${s.kind}`));
  return (
    <form className="form panel" noValidate onSubmit={submit}>
      <CheckboxField label={t('juryUi.settings.blind')} hint={t('juryUi.settings.blindHint')} {...register('blindMode')} />
      <div className="form-grid">
        <InputField className="span-1" label={t('juryUi.settings.n')} inputMode="numeric" error={errors.jurorsPerEntry?.message} {...register('jurorsPerEntry', { setValueAs: toNumber })} />
        <InputField className="span-1" label={t('juryUi.settings.threshold')} hint={t('juryUi.settings.thresholdHint')} inputMode="decimal" error={errors.thresholdPct?.message} {...register('thresholdPct', { setValueAs: toNumber })} />
        <SelectField className="span-2" label={t('juryUi.settings.method')} {...register('consolidationMethod')}>
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {methodName(m)}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="plain-fieldset">
        <legend>{t('juryUi.settings.rulesTitle')}</legend>
        <div className="form-grid">
          <SelectField className="span-2" label={t('juryUi.settings.missingRule')} hint={t('juryUi.settings.missingRuleHint')} {...register('missingRule')}>
            <option value="incomplete">{t('juryUi.settings.missing.incomplete')}</option>
            <option value="rescale">{t('juryUi.settings.missing.rescale')}</option>
          </SelectField>
          <InputField className="span-1" label={t('juryUi.settings.coverage')} hint={t('juryUi.settings.coverageHint')} inputMode="decimal" error={errors.coveragePct?.message} {...register('coveragePct', { setValueAs: toNumber })} />
          <InputField className="span-1" label={t('juryUi.settings.trimmedMin')} hint={t('juryUi.settings.trimmedMinHint')} inputMode="numeric" error={errors.trimmedMinJurors?.message} {...register('trimmedMinJurors', { setValueAs: toNumber })} />
          <InputField className="span-1" label={t('juryUi.settings.topPlaces')} hint={t('juryUi.settings.topPlacesHint')} inputMode="numeric" error={errors.topPlaces?.message} {...register('topPlaces', { setValueAs: toNumber })} />
        </div>
      </fieldset>
      <fieldset className="plain-fieldset">
        <legend>{t('juryUi.settings.chain')}</legend>
        <p className="field-hint">{t('juryUi.settings.chainHint')}</p>
        <ol className="chain-list">
          {chain.map((step, index) => (
            <li key={`${step.kind}-${index}`}>
              {ruleLabel(step)}{' '}
              <button type="button" disabled={index === 0} aria-label={t('juryUi.settings.moveUp', { name: ruleLabel(step) })} onClick={() => move(index, -1)}>
                {t('juryUi.settings.up')}
              </button>{' '}
              <button type="button" disabled={index === chain.length - 1} aria-label={t('juryUi.settings.moveDown', { name: ruleLabel(step) })} onClick={() => move(index, 1)}>
                {t('juryUi.settings.down')}
              </button>{' '}
              <button type="button" className="danger-link" aria-label={t('common.deleteNamed', { name: ruleLabel(step) })} onClick={() => setChain(chain.filter((_, i) => i !== index))}>
                {t('common.delete')}
              </button>
            </li>
          ))}
        </ol>
        <div className="inline-form">
          <div className="field">
            <label htmlFor={addId}>{t('juryUi.settings.addRule')}</label>
            <select id={addId} value={adding} onChange={(event) => setAdding(event.target.value)}>
              <option value="">{t('juryUi.choose')}</option>
              {edition.criteria.map((c) => (
                <option key={c.id} value={`criterion:${c.id}`}>
                  {t('results.rule.priorityCriterion', { criterion: c.name })}
                </option>
              ))}
              {RULE_KINDS.filter((k) => k !== 'priorityCriterion').map((k) => (
                <option key={k} value={k}>
                  {t(`results.rule.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="button" onClick={addRule} disabled={!adding}>
            {t('juryUi.settings.addRuleButton')}
          </button>
        </div>
      </fieldset>
      <FormFooter error={formError} confirmLabel={t('common.saveChanges')} pending={isSubmitting} disabled={edition.archived} align="start" />
    </form>
  );
}
