import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { encuentroFields } from '../../../../../shared/domain/encuentro-schemas';
import type { EncuentroDetail } from '../../../../../shared/domain/encuentro-types';
import { t } from '../../../../../shared/i18n';
import { useAnnounce } from '../../../app/announcer';
import { FormFooter } from '../../../components/FormFooter';
import { useFormSubmit } from '../../../lib/form-submit';
import { EncuentroFieldsInputs } from '../EncuentrosListScreen';
import { useUpdateEncuentro } from '../mutations';

const eventForm = z.object({ fields: encuentroFields });
type EventInput = z.input<typeof eventForm>;
type EventOutput = z.output<typeof eventForm>;

/** The event's own data: name, date, venue and partners. */
export function EventForm({ detail }: { detail: EncuentroDetail }) {
  const update = useUpdateEncuentro();
  const announce = useAnnounce();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<EventInput, unknown, EventOutput>({
    resolver: zodResolver(eventForm),
    values: { fields: { name: detail.name, eventDate: detail.eventDate, venue: detail.venue, partners: detail.partners } },
  });
  const { formError, onSubmit: submit } = useFormSubmit({ handleSubmit, setError }, async (values) => {
    await update.mutateAsync({ id: detail.id, fields: values.fields });
    announce(t('common.savedNamed', { name: values.fields.name }));
  });
  return (
    <section className="panel" aria-labelledby="event-title">
      <h2 id="event-title">{t('encuentroUi.setup.event')}</h2>
      <p className="muted small">{t('encuentroUi.setup.edition', { name: detail.editionName })}</p>
      <form className="form" noValidate onSubmit={submit}>
        <EncuentroFieldsInputs register={register} errors={errors} />
        <FormFooter error={formError} confirmLabel={t('common.saveChanges')} pending={isSubmitting} disabled={!isDirty} />
      </form>
    </section>
  );
}
