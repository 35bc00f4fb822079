import { useState } from 'react';
import type { ImportChoices, ImportPreview, RowNeed } from '../../../../shared/domain/import-types';
import { foldKey } from '../../../../shared/domain/text';
import { t } from '../../../../shared/i18n';
import { call } from '../../api/client';
import { hrefOf } from '../../app/router';
import { SelectField } from '../../components/fields';
import { FormError } from '../../components/FormError';
import { errorText } from '../../lib/errors';
import { useEdition } from '../editions/queries';
import { useIgeds } from '../reference/queries';

interface ResolveChoicesProps {
  preview: ImportPreview;
  editionId: number;
  choices: ImportChoices;
  disabled: boolean;
  onChoices(choices: ImportChoices): void;
}

interface PendingChoice extends RowNeed {
  key: string;
  rows: number;
}

/**
 * One choice per unknown IGED or category text of the file (not per row): pick from the list, or
 * create the category. Rows stay out until the choice is made; nothing is guessed.
 */
export function ResolveChoices({ preview, editionId, choices, disabled, onChoices }: ResolveChoicesProps) {
  const igeds = useIgeds();
  const edition = useEdition(editionId);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const pending = pendingChoices(preview, choices);
  if (pending.length === 0) return null;

  const createCategory = async (name: string) => {
    setError(null);
    setCreating(true);
    try {
      await call('categories.create', { editionId, fields: { name, description: '' } });
      await edition.refetch();
      // The new category matches the file's text by name: the preview only needs to run again.
      onChoices({ ...choices });
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setCreating(false);
    }
  };

  return (
    <section aria-labelledby="resolve-heading">
      <h3 id="resolve-heading">{t('importReview.resolveTitle')}</h3>
      <p className="muted">{t('importReview.resolveIntro')}</p>
      {pending.map((need) => {
        const field = need.kind === 'iged' ? 'igeds' : 'categories';
        const pick = (value: string) => {
          const next = { ...choices[field] };
          if (value) next[need.key] = Number(value);
          else delete next[need.key];
          onChoices({ ...choices, [field]: next });
        };
        if (need.kind === 'iged') {
          const options = (igeds.data ?? []).filter((iged) => need.candidateIds.length === 0 || need.candidateIds.includes(iged.id));
          return (
            <div key={`iged-${need.key}`}>
              <SelectField
                label={t('importReview.pickIged', { value: need.value, count: need.rows })}
                hint={t('importReview.igedListHint')}
                value=""
                disabled={disabled || igeds.isPending}
                onChange={(event) => pick(event.target.value)}
              >
                <option value="">{t('importReview.pickNone')}</option>
                {options.map((iged) => (
                  <option key={iged.id} value={iged.id}>
                    {`${iged.name} (${iged.region})`}
                  </option>
                ))}
              </SelectField>
              <p className="muted">
                <a href={hrefOf({ name: 'reference' })}>{t('nav.reference')}</a>
              </p>
            </div>
          );
        }
        return (
          <div key={`category-${need.key}`}>
            <SelectField
              label={t('importReview.pickCategory', { value: need.value, count: need.rows })}
              value=""
              disabled={disabled || edition.isPending}
              onChange={(event) => pick(event.target.value)}
            >
              <option value="">{t('importReview.pickNone')}</option>
              {(edition.data?.categories ?? []).map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}
                </option>
              ))}
            </SelectField>
            <button type="button" disabled={disabled || creating} onClick={() => void createCategory(need.value)}>
              {t('importReview.createCategory', { value: need.value })}
            </button>
          </div>
        );
      })}
      <FormError message={error} />
    </section>
  );
}

/** The distinct choices the rows still wait for, with how many rows each settles. */
function pendingChoices(preview: ImportPreview, choices: ImportChoices): PendingChoice[] {
  const byKey = new Map<string, PendingChoice>();
  const excluded = new Set(choices.exclude);
  for (const row of preview.rows) {
    if (excluded.has(row.row) || row.action !== 'unresolved') continue;
    for (const need of row.needs) {
      const key = foldKey(need.value);
      const id = `${need.kind}|${key}`;
      const known = byKey.get(id);
      if (known) known.rows += 1;
      else byKey.set(id, { ...need, key, rows: 1 });
    }
  }
  return [...byKey.values()];
}
