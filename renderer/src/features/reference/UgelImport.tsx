import { useState } from 'react';
import type { UgelImportPreview, UgelImportResult } from '../../../../shared/domain/import-types';
import { formatNumber, t } from '../../../../shared/i18n';
import { fileToBase64 } from '../../api/client';
import { useAnnounce } from '../../app/announcer';
import { FilePicker } from '../../components/FilePicker';
import { FormError } from '../../components/FormError';
import { FormFooter } from '../../components/FormFooter';
import { errorText } from '../../lib/errors';
import { IssuesTable } from '../imports/IssuesTable';
import { useCommitUgels, useInspectUgels } from './mutations';

/** Loads the UGEL list from MINEDU's ESCALE padrón: preview first, write on confirm. */
export function UgelImport() {
  const [preview, setPreview] = useState<UgelImportPreview | null>(null);
  const [result, setResult] = useState<UgelImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inspect = useInspectUgels();
  const commit = useCommitUgels();
  const announce = useAnnounce();

  const load = async (file: File) => {
    setError(null);
    setPreview(null);
    setResult(null);
    try {
      const found = await inspect.mutateAsync({ fileName: file.name, dataBase64: await fileToBase64(file) });
      setPreview(found);
      announce(t('ugelImport.previewReady', { count: found.ugelCount }));
    } catch (caught) {
      setError(errorText(caught));
    }
  };

  const confirm = async () => {
    if (!preview) return;
    setError(null);
    try {
      const done = await commit.mutateAsync({ token: preview.token });
      setResult(done);
      setPreview(null);
      announce(t('ugelImport.done', { created: done.created, updated: done.updated, unchanged: done.unchanged }));
    } catch (caught) {
      setError(errorText(caught));
    }
  };

  return (
    <section className="panel" aria-labelledby="ugel-import-heading">
      <h2 id="ugel-import-heading">{t('ugelImport.title')}</h2>
      <p className="muted">{t('ugelImport.intro')}</p>
      <FilePicker
        label={t('ugelImport.file')}
        hint={t('ugelImport.fileHint')}
        accept=".xlsx,.csv"
        disabled={inspect.isPending || commit.isPending}
        onFile={(file) => void load(file)}
      />
      {inspect.isPending && <p className="muted">{t('importScreen.reading')}</p>}
      <FormError message={error} />
      {preview && (
        <div className="ugel-preview">
          <dl className="totals">
            <Total label={t('ugelImport.rows')} value={preview.totalRows} />
            <Total label={t('ugelImport.ugels')} value={preview.ugelCount} />
            <Total label={t('ugelImport.new')} value={preview.newCount} />
            <Total label={t('ugelImport.updated')} value={preview.updatedCount} />
            <Total label={t('ugelImport.unchanged')} value={preview.unchangedCount} />
          </dl>
          {preview.issues.length > 0 && <IssuesTable issues={preview.issues} caption={t('ugelImport.issues')} />}
          {preview.sample.length > 0 && (
            <div className="table-wrap medium" tabIndex={0} role="region" aria-label={t('ugelImport.sample')}>
              <table className="data-table compact">
                <caption>{t('ugelImport.sample')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('reference.col.code')}</th>
                    <th scope="col">{t('reference.col.name')}</th>
                    <th scope="col">{t('reference.col.dre')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.sample.map((row) => (
                    <tr key={row.code}>
                      <td>{row.code}</td>
                      <td>{row.name}</td>
                      <td>{row.dreName}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {!preview.canCommit && (
            <p className="notice notice-bad" id="ugel-blocked">
              {t('ugelImport.blocked')}
            </p>
          )}
          <FormFooter
            onCancel={() => setPreview(null)}
            confirmLabel={t('ugelImport.commit', { count: preview.newCount + preview.updatedCount })}
            onConfirm={() => void confirm()}
            pending={commit.isPending}
            pendingLabel={t('common.working')}
            disabled={!preview.canCommit}
            describedBy={preview.canCommit ? undefined : 'ugel-blocked'}
          />
        </div>
      )}
      {result && (
        <p className="notice notice-ok">
          {t('ugelImport.done', { created: result.created, updated: result.updated, unchanged: result.unchanged })}
          {result.backupName && ` ${t('importScreen.done.backup', { name: result.backupName })}`}
        </p>
      )}
    </section>
  );
}

function Total({ label, value }: { label: string; value: number }) {
  return (
    <div className="total">
      <dt>{label}</dt>
      <dd>{formatNumber(value, 0)}</dd>
    </div>
  );
}
