import { useState } from 'react';
import { NO_CHOICES, type ColumnMapping, type ImportChoices, type ImportInspection, type ImportPreview, type ImportResult } from '../../../../shared/domain/import-types';
import type { EditionSummary } from '../../../../shared/domain/types';
import { formatNumber, t } from '../../../../shared/i18n';
import { call, downloadFile, fileToBase64 } from '../../api/client';
import { useAnnounce } from '../../app/announcer';
import { hrefOf } from '../../app/router';
import { FilePicker } from '../../components/FilePicker';
import { FormError } from '../../components/FormError';
import { ScreenTitle } from '../../components/ScreenTitle';
import { errorText } from '../../lib/errors';
import { useCurrentEdition } from '../editions/current';
import { NoEdition } from '../editions/NoEdition';
import { MappingStep } from './MappingStep';
import { useCommitImport, useInspectImport, usePreviewImport } from './mutations';
import { ReportStep } from './ReportStep';
import { StepIndicator } from './StepIndicator';

type Wizard =
  | { step: 'pick' }
  | { step: 'mapping'; inspection: ImportInspection; sheet: number; mapping: ColumnMapping }
  | { step: 'report'; inspection: ImportInspection; sheet: number; mapping: ColumnMapping; preview: ImportPreview; choices: ImportChoices }
  | { step: 'done'; result: ImportResult };

/**
 * The entries import: file → columns → report → confirm. Only the last step writes; the
 * file picker stays on top so a corrected file can be loaded again at any point.
 */
export function ImportScreen() {
  const current = useCurrentEdition();
  if (!current.isPending && !current.edition) return <NoEdition title={t('importScreen.title')} />;
  if (!current.edition) return null;
  return <ImportWizard key={current.edition.id} edition={current.edition} />;
}

function ImportWizard({ edition }: { edition: EditionSummary }) {
  const [wizard, setWizard] = useState<Wizard>({ step: 'pick' });
  const [error, setError] = useState<string | null>(null);
  const inspect = useInspectImport();
  const preview = usePreviewImport();
  const commit = useCommitImport();
  const announce = useAnnounce();
  const busy = inspect.isPending || preview.isPending || commit.isPending;

  const loadFile = async (file: File) => {
    setError(null);
    setWizard({ step: 'pick' });
    try {
      const inspection = await inspect.mutateAsync({ editionId: edition.id, fileName: file.name, dataBase64: await fileToBase64(file) });
      const sheet = inspection.selectedSheet;
      setWizard({ step: 'mapping', inspection, sheet, mapping: inspection.sheets[sheet]?.suggestedMapping ?? {} });
      announce(t('importScreen.loaded', { file: inspection.fileName }));
    } catch (caught) {
      setError(errorText(caught));
    }
  };

  // Every change of choices (a row left out, an IGED picked, a category created) reviews the file again.
  const runPreview = async (choices: ImportChoices = wizard.step === 'report' ? wizard.choices : NO_CHOICES) => {
    if (wizard.step !== 'mapping' && wizard.step !== 'report') return;
    setError(null);
    try {
      const result = await preview.mutateAsync({ token: wizard.inspection.token, sheet: wizard.sheet, mapping: wizard.mapping, choices });
      setWizard({ step: 'report', inspection: wizard.inspection, sheet: wizard.sheet, mapping: wizard.mapping, preview: result, choices });
      announce(reviewSummary(result));
    } catch (caught) {
      setError(errorText(caught));
    }
  };

  const runCommit = async (validOnly: boolean) => {
    if (wizard.step !== 'report') return;
    setError(null);
    try {
      const result = await commit.mutateAsync({ token: wizard.preview.token, sheet: wizard.sheet, mapping: wizard.mapping, choices: wizard.choices, validOnly });
      setWizard({ step: 'done', result });
      announce(t('importScreen.done.summary', { created: result.created, updated: result.updated, unchanged: result.unchanged }));
    } catch (caught) {
      setError(errorText(caught));
    }
  };

  const downloadLeftOut = async () => {
    if (wizard.step !== 'report') return;
    setError(null);
    try {
      downloadFile(await call('imports.leftOut', { token: wizard.preview.token, sheet: wizard.sheet, mapping: wizard.mapping, choices: wizard.choices }));
    } catch (caught) {
      setError(errorText(caught));
    }
  };

  return (
    <section>
      <ScreenTitle>{t('importScreen.titleOf', { edition: edition.name })}</ScreenTitle>
      <p className="lead">{t('importScreen.intro')}</p>
      <StepIndicator current={wizard.step} />
      {edition.archived ? (
        <p className="notice">{t('editions.archivedNotice')}</p>
      ) : (
        <div className="panel">
          <FilePicker
            label={wizard.step === 'pick' ? t('importScreen.file') : t('importScreen.fileAgain')}
            hint={t('importScreen.fileHint')}
            accept=".xlsx,.csv"
            disabled={busy}
            onFile={(file) => void loadFile(file)}
          />
          {inspect.isPending && <p className="muted">{t('importScreen.reading')}</p>}
        </div>
      )}
      <FormError message={error} />
      {wizard.step === 'mapping' && (
        <MappingStep
          inspection={wizard.inspection}
          sheet={wizard.sheet}
          mapping={wizard.mapping}
          pending={preview.isPending}
          onSheet={(sheet) => setWizard({ ...wizard, sheet, mapping: wizard.inspection.sheets[sheet]?.suggestedMapping ?? {} })}
          onMapping={(mapping) => setWizard({ ...wizard, mapping })}
          onPreview={() => void runPreview(NO_CHOICES)}
        />
      )}
      {wizard.step === 'report' && (
        <ReportStep
          preview={wizard.preview}
          editionId={edition.id}
          choices={wizard.choices}
          pending={commit.isPending || preview.isPending}
          onChoices={(choices) => {
            // Shown at once (a checkbox follows the click), then the review runs again with them.
            setWizard({ ...wizard, choices });
            void runPreview(choices);
          }}
          onBack={() => setWizard({ step: 'mapping', inspection: wizard.inspection, sheet: wizard.sheet, mapping: wizard.mapping })}
          onCommit={(validOnly) => void runCommit(validOnly)}
          onDownloadLeftOut={() => void downloadLeftOut()}
        />
      )}
      {wizard.step === 'done' && (
        <section className="panel" aria-labelledby="done-heading">
          <h2 id="done-heading">{t('importScreen.done.title')}</h2>
          <dl className="totals">
            <div className="total">
              <dt>{t('importScreen.done.created')}</dt>
              <dd>{formatNumber(wizard.result.created, 0)}</dd>
            </div>
            <div className="total">
              <dt>{t('importScreen.done.updated')}</dt>
              <dd>{formatNumber(wizard.result.updated, 0)}</dd>
            </div>
            <div className="total">
              <dt>{t('importScreen.done.unchanged')}</dt>
              <dd>{formatNumber(wizard.result.unchanged, 0)}</dd>
            </div>
          </dl>
          {wizard.result.leftOut > 0 && <p>{t('importReview.doneLeftOut', { count: wizard.result.leftOut })}</p>}
          {wizard.result.backupName && <p className="muted">{t('importScreen.done.backup', { name: wizard.result.backupName })}</p>}
          <p>
            <a className="button primary" href={hrefOf({ name: 'entries' })}>
              {t('importScreen.done.viewEntries')}
            </a>
          </p>
        </section>
      )}
    </section>
  );
}

/** What a screen reader hears when the review is ready. */
function reviewSummary(preview: ImportPreview): string {
  const { totals } = preview;
  if (totals.problemRows > 0) return t('importReview.problemsShort', { count: totals.problemRows });
  const toImport = totals.new + totals.update;
  return toImport > 0 ? t('importReview.readyShort', { count: toImport }) : t('importReview.nothingShort');
}
