import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { NARRATIVE_SECTIONS, type Narrative } from '../../../../../shared/domain/encuentro-schemas';
import { t } from '../../../../../shared/i18n';
import { call } from '../../../api/client';
import { useAnnounce } from '../../../app/announcer';
import { FormFooter } from '../../../components/FormFooter';
import { QueryStatus } from '../../../components/QueryStatus';
import { TextAreaField } from '../../../components/fields';
import { useDialogAction } from '../../../lib/form-submit';
import { useContractMutation } from '../../../lib/contract-mutation';
import { encuentroKeys } from '../queries';

const narrativeKey = (encuentroId: number) => [...encuentroKeys.all, 'narrative', encuentroId] as const;

/**
 * The Informe's optional narrative sections, written by the organizers here instead of in Word
 * after every export: each lands where the reference report has it (shown in its hint).
 */
export function NarrativeSection({ encuentroId }: { encuentroId: number }) {
  const narrative = useQuery({ queryKey: narrativeKey(encuentroId), queryFn: () => call('encuentro.narrative.get', { encuentroId }) });
  return (
    <section className="panel" aria-labelledby="narrative-title">
      <h2 id="narrative-title">{t('encuentroUi.narrative.title')}</h2>
      <p className="muted">{t('encuentroUi.narrative.intro')}</p>
      <QueryStatus query={narrative}>{(saved) => <NarrativeForm encuentroId={encuentroId} saved={saved} />}</QueryStatus>
    </section>
  );
}

function NarrativeForm({ encuentroId, saved }: { encuentroId: number; saved: Narrative }) {
  const [texts, setTexts] = useState<Narrative>(saved);
  const save = useContractMutation('encuentro.narrative.save', [encuentroKeys.all]);
  const announce = useAnnounce();
  const changed = NARRATIVE_SECTIONS.filter((s) => texts[s] !== saved[s]);
  const { error, run } = useDialogAction(async () => {
    await save.mutateAsync({ encuentroId, texts: Object.fromEntries(changed.map((s) => [s, texts[s]])) });
    announce(t('encuentroUi.narrative.saved'));
  });
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        run();
      }}
    >
      {NARRATIVE_SECTIONS.map((section) => (
        <TextAreaField
          key={section}
          label={t(`encuentroUi.narrative.${section}`)}
          hint={t(`encuentroUi.narrative.${section}Hint`)}
          rows={4}
          maxLength={20_000}
          value={texts[section]}
          onChange={(e) => setTexts((current) => ({ ...current, [section]: e.target.value }))}
        />
      ))}
      <FormFooter error={error} confirmLabel={t('encuentroUi.narrative.save')} disabled={changed.length === 0 || save.isPending} />
    </form>
  );
}
