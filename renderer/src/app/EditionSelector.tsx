import { useId } from 'react';
import { t } from '../../../shared/i18n';
import { useCurrentEdition } from '../features/editions/current';

/** The edition the Postulaciones and Importar screens work on; remembered across sessions. */
export function EditionSelector() {
  const id = useId();
  const { edition, editions, setEditionId } = useCurrentEdition();
  if (editions.length === 0) return null;
  return (
    <div className="edition-selector">
      <label htmlFor={id}>{t('layout.currentEdition')}</label>
      <select id={id} value={edition?.id ?? ''} onChange={(event) => setEditionId(Number(event.target.value))}>
        {editions.map((e) => (
          <option key={e.id} value={e.id}>
            {e.archived ? t('layout.editionArchived', { name: e.name }) : e.name}
          </option>
        ))}
      </select>
    </div>
  );
}
