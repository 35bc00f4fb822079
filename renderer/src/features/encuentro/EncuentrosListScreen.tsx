import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { encuentroFields } from '../../../../shared/domain/encuentro-schemas';
import { formatDateTime, t } from '../../../../shared/i18n';
import { useAnnounce } from '../../app/announcer';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import { errorText } from '../../lib/errors';
import { QueryStatus } from '../../components/QueryStatus';
import { ScreenTitle } from '../../components/ScreenTitle';
import { InputField, SelectField } from '../../components/fields';
import { useFormSubmit } from '../../lib/form-submit';
import { useEditions } from '../editions/queries';
import { useCreateEncuentro, useEnsureDemo } from './mutations';
import { useEncuentros } from './queries';
import { encuentroHref, goTo } from './routes';

/** Every Encuentro, newest first; create one for an edition, or open the demo from the reference report. */
export function EncuentrosListScreen() {
  const encuentros = useEncuentros(null);
  const ensureDemo = useEnsureDemo();
  const [creating, setCreating] = useState(false);
  const announce = useAnnounce();
  const openDemo = () =>
    ensureDemo.mutate({}, { onSuccess: ({ encuentroId }) => goTo({ page: 'setup', encuentroId }), onError: (error) => announce(errorText(error), 'error') });
  return (
    <section className="encuentro-screen">
      <ScreenTitle
        actions={
          <>
            <button type="button" onClick={openDemo} disabled={ensureDemo.isPending}>
              {t('encuentroUi.list.openDemo')}
            </button>
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              {t('encuentroUi.list.new')}
            </button>
          </>
        }
      >
        {t('encuentroUi.list.title')}
      </ScreenTitle>
      <p className="lead">{t('encuentroUi.list.intro')}</p>
      <QueryStatus query={encuentros}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('encuentroUi.list.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table">
                <caption className="sr-only">{t('encuentroUi.list.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('encuentroUi.field.name')}</th>
                    <th scope="col">{t('encuentroUi.field.edition')}</th>
                    <th scope="col">{t('encuentroUi.field.eventDate')}</th>
                    <th scope="col" className="num">{t('encuentroUi.list.practices')}</th>
                    <th scope="col" className="num">{t('encuentroUi.list.salas')}</th>
                    <th scope="col" className="num">{t('encuentroUi.list.contributions')}</th>
                    <th scope="col" className="num">{t('encuentroUi.list.attendees')}</th>
                    <th scope="col">{t('encuentroUi.list.updated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((e) => (
                    <tr key={e.id}>
                      <td>
                        <a href={encuentroHref({ page: 'setup', encuentroId: e.id })}>{e.name}</a>
                        {e.isDemo && <span className="muted small">{` (${t('encuentroUi.list.demo')})`}</span>}
                      </td>
                      <td>{e.editionName}</td>
                      <td>{e.eventDate}</td>
                      <td className="num">{e.practiceCount}</td>
                      <td className="num">{e.salaCount}</td>
                      <td className="num">{e.contributionCount}</td>
                      <td className="num">{e.attendeeCount}</td>
                      <td>{formatDateTime(e.updatedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryStatus>
      {creating && <CreateEncuentroDialog onClose={() => setCreating(false)} />}
    </section>
  );
}

const createForm = z.object({ editionId: z.coerce.number<string>().int().positive({ error: t('encuentroUi.field.editionRequired') }), fields: encuentroFields });
type CreateInput = z.input<typeof createForm>;
type CreateOutput = z.output<typeof createForm>;

function CreateEncuentroDialog({ onClose }: { onClose(): void }) {
  const editions = useEditions(false);
  const create = useCreateEncuentro();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateInput, unknown, CreateOutput>({
    resolver: zodResolver(createForm),
    defaultValues: { editionId: '', fields: { name: '', eventDate: '', venue: '', partners: '' } },
  });
  const { formError, onSubmit: submit } = useFormSubmit({ handleSubmit, setError }, async (values) => {
    const created = await create.mutateAsync(values);
    onClose();
    goTo({ page: 'setup', encuentroId: created.id });
  });
  return (
    <Dialog title={t('encuentroUi.list.new')} onClose={onClose} size="large">
      <form className="form" noValidate onSubmit={submit}>
        <SelectField label={t('encuentroUi.field.edition')} required error={errors.editionId?.message} {...register('editionId')}>
          <option value="">{t('encuentroUi.field.chooseEdition')}</option>
          {editions.data?.map((edition) => (
            <option key={edition.id} value={edition.id}>
              {edition.name}
            </option>
          ))}
        </SelectField>
        <EncuentroFieldsInputs register={register} errors={errors} />
        <FormFooter error={formError} onCancel={onClose} confirmLabel={t('encuentroUi.list.create')} pending={isSubmitting} />
      </form>
    </Dialog>
  );
}

type FieldsErrors = { fields?: { name?: { message?: string }; eventDate?: { message?: string }; venue?: { message?: string }; partners?: { message?: string } } };

/** The event's own data, shared by "new" and "edit". */
export function EncuentroFieldsInputs({
  register,
  errors,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- shared between two forms whose other fields differ
  register: (name: any) => object;
  errors: FieldsErrors;
}) {
  return (
    <div className="form-grid">
      <InputField label={t('encuentroUi.field.name')} required className="span-4" error={errors.fields?.name?.message} {...register('fields.name')} />
      <InputField label={t('encuentroUi.field.eventDate')} type="date" className="span-1" error={errors.fields?.eventDate?.message} {...register('fields.eventDate')} />
      <InputField label={t('encuentroUi.field.venue')} className="span-3" error={errors.fields?.venue?.message} {...register('fields.venue')} />
      <InputField
        label={t('encuentroUi.field.partners')}
        hint={t('encuentroUi.field.partnersHint')}
        className="span-4"
        error={errors.fields?.partners?.message}
        {...register('fields.partners')}
      />
    </div>
  );
}
