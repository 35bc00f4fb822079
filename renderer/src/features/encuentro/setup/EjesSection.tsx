import { useState } from 'react';
import type { EncuentroDetail } from '../../../../../shared/domain/encuentro-types';
import { t } from '../../../../../shared/i18n';
import { FormError } from '../../../components/FormError';
import { errorText } from '../../../lib/errors';
import { useCreateEje, useUpdateEje } from '../mutations';

/** The thematic axes: renamed in place (on leaving the field), added by name, deleted after a confirmation. */
export function EjesSection({ detail, onDelete }: { detail: EncuentroDetail; onDelete(id: number, name: string): void }) {
  const create = useCreateEje();
  const update = useUpdateEje();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    setError(null);
    try {
      await create.mutateAsync({ encuentroId: detail.id, fields: { name } });
      setName('');
    } catch (caught) {
      setError(errorText(caught));
    }
  };
  return (
    <section className="panel" aria-labelledby="ejes-title">
      <h2 id="ejes-title">{t('encuentroUi.setup.ejes')}</h2>
      <ol>
        {detail.ejes.map((eje) => (
          <li key={eje.id} className="eje-row">
            <input
              aria-label={t('encuentroUi.setup.ejeName', { n: eje.position + 1 })}
              defaultValue={eje.name}
              onBlur={(e) => {
                const value = e.target.value.trim();
                if (value && value !== eje.name) update.mutate({ id: eje.id, fields: { name: value } }, { onError: (err) => setError(errorText(err)) });
              }}
            />{' '}
            <button type="button" className="danger-link" onClick={() => onDelete(eje.id, eje.name)} aria-label={t('common.deleteNamed', { name: eje.name })}>
              {t('common.delete')}
            </button>
          </li>
        ))}
      </ol>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label htmlFor="new-eje">{t('encuentroUi.setup.newEje')}</label> <input id="new-eje" value={name} onChange={(e) => setName(e.target.value)} />{' '}
        <button type="submit" disabled={name.trim() === ''}>
          {t('encuentroUi.setup.addEje')}
        </button>
      </form>
      <FormError message={error} />
    </section>
  );
}
