import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { jurorFields, type JurorFields } from '../../../../../shared/domain/jury-schemas';
import type { Juror } from '../../../../../shared/domain/jury-types';
import { t } from '../../../../../shared/i18n';
import { FormFooter } from '../../../components/FormFooter';
import { InputField } from '../../../components/fields';
import { useFormSubmit } from '../../../lib/form-submit';
import { IgedPicker } from '../../entries/IgedPicker';
import { useIgeds, useRegions } from '../../reference/queries';

type Affiliation = { igedId: number; label: string } | { region: string; label: string };
const detailsSchema = jurorFields.omit({ affiliations: true });
type Values = z.input<typeof detailsSchema>;
type Output = z.output<typeof detailsSchema>;

function initialAffiliations(juror: Juror | null): Affiliation[] {
  return (juror?.affiliations ?? []).map((a) =>
    a.kind === 'iged' ? { igedId: a.igedId, label: `${a.igedName} (${a.region})` } : { region: a.region, label: t('juryUi.jurors.regionAffiliation', { region: a.region }) },
  );
}

/** A juror's data and affiliations (the IGED and regions that make conflicts of interest). */
export function JurorForm({ juror, onSubmit, onCancel }: { juror: Juror | null; onSubmit(fields: JurorFields): Promise<unknown>; onCancel(): void }) {
  const [affiliations, setAffiliations] = useState<Affiliation[]>(() => initialAffiliations(juror));
  const [iged, setIged] = useState<number | null>(null);
  const [region, setRegion] = useState('');
  const igeds = useIgeds();
  const regions = useRegions();
  const regionId = useId();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, Output>({
    resolver: zodResolver(detailsSchema),
    defaultValues: { name: juror?.name ?? '', institution: juror?.institution ?? '', cargo: juror?.cargo ?? '', email: juror?.email ?? '' },
  });
  const { formError, onSubmit: submit } = useFormSubmit({ handleSubmit, setError }, async (values) => {
    await onSubmit({
      ...values,
      affiliations: affiliations.map((a) => ('igedId' in a ? { igedId: a.igedId, note: '' } : { region: a.region, note: '' })),
    });
  }, { 'jury.juror.nameTaken': 'name' });
  const addIged = () => {
    const found = igeds.data?.find((i) => i.id === iged);
    if (!found || affiliations.some((a) => 'igedId' in a && a.igedId === found.id)) return;
    setAffiliations([...affiliations, { igedId: found.id, label: `${found.name} (${found.region})` }]);
    setIged(null);
  };
  const addRegion = () => {
    if (!region || affiliations.some((a) => 'region' in a && a.region === region)) return;
    setAffiliations([...affiliations, { region, label: t('juryUi.jurors.regionAffiliation', { region }) }]);
    setRegion('');
  };
  return (
    <form className="form" noValidate onSubmit={submit}>
      <div className="form-grid">
        <InputField className="span-2" label={t('juryUi.jurors.name')} required error={errors.name?.message} {...register('name')} />
        <InputField className="span-2" label={t('juryUi.jurors.institution')} error={errors.institution?.message} {...register('institution')} />
        <InputField className="span-2" label={t('juryUi.jurors.cargo')} error={errors.cargo?.message} {...register('cargo')} />
        <InputField className="span-2" label={t('juryUi.jurors.email')} type="email" error={errors.email?.message} {...register('email')} />
      </div>
      <fieldset className="plain-fieldset">
        <legend>{t('juryUi.jurors.affiliations')}</legend>
        <p className="field-hint">{t('juryUi.jurors.affiliationsHint')}</p>
        {affiliations.length === 0 ? (
          <p className="muted">{t('juryUi.jurors.noAffiliations')}</p>
        ) : (
          <ul className="affiliation-list">
            {affiliations.map((a, index) => (
              <li key={a.label}>
                {a.label}{' '}
                <button type="button" className="danger-link" aria-label={t('common.deleteNamed', { name: a.label })} onClick={() => setAffiliations(affiliations.filter((_, i) => i !== index))}>
                  {t('common.delete')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="inline-form">
          <IgedPicker label={t('juryUi.jurors.addIged')} igeds={igeds.data ?? []} value={iged} onChange={setIged} />
          <button type="button" onClick={addIged} disabled={iged === null}>
            {t('juryUi.jurors.addIgedButton')}
          </button>
        </div>
        <div className="inline-form">
          <div className="field">
            <label htmlFor={regionId}>{t('juryUi.jurors.addRegion')}</label>
            <select id={regionId} value={region} onChange={(event) => setRegion(event.target.value)}>
              <option value="">{t('juryUi.choose')}</option>
              {(regions.data ?? []).map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </div>
          <button type="button" onClick={addRegion} disabled={!region}>
            {t('juryUi.jurors.addRegionButton')}
          </button>
        </div>
      </fieldset>
      <FormFooter error={formError} onCancel={onCancel} confirmLabel={t('common.save')} pending={isSubmitting} />
    </form>
  );
}
