import { useId, useState } from 'react';
import type { Juror, WorkbookPreview } from '../../../../../shared/domain/jury-types';
import type { Edition, Stage } from '../../../../../shared/domain/types';
import { t } from '../../../../../shared/i18n';
import { call, downloadFile, fileToBase64 } from '../../../api/client';
import { useAnnounce } from '../../../app/announcer';
import { FilePicker } from '../../../components/FilePicker';
import { QueryStatus } from '../../../components/QueryStatus';
import { errorText } from '../../../lib/errors';
import { useApplyWorkbook } from '../mutations';
import { useJurors } from '../queries';
import { OrganizerFrame } from './OrganizerFrame';
import { TableWrap } from '../common/TableWrap';

/** Offline fichas: one .xlsx per juror out, the returned workbook in (preview first, then one transaction). */
export function WorkbooksScreen() {
  return <OrganizerFrame tab="workbooks" withStage>{(edition, stage) => stage && <Workbooks key={stage.id} edition={edition} stage={stage} />}</OrganizerFrame>;
}

function Workbooks({ edition, stage }: { edition: Edition; stage: Stage }) {
  const jurors = useJurors(edition.id);
  return (
    <QueryStatus query={jurors}>
      {(list) => (
        <>
          <ExportSection stage={stage} jurors={list.filter((j) => !j.withdrawn)} />
          <ImportSection stage={stage} jurors={list} />
        </>
      )}
    </QueryStatus>
  );
}

function ExportSection({ stage, jurors }: { stage: Stage; jurors: Juror[] }) {
  const announce = useAnnounce();
  const [pending, setPending] = useState<number | null>(null);
  const run = async (juror: Juror) => {
    setPending(juror.id);
    try {
      const file = await call('juryWorkbooks.export', { stageId: stage.id, jurorId: juror.id });
      downloadFile(file);
      announce(t('juryUi.workbooks.exported', { file: file.fileName }));
    } catch (error) {
      announce(errorText(error), 'error');
    } finally {
      setPending(null);
    }
  };
  return (
    <section className="panel" aria-labelledby="wb-export-heading">
      <h2 id="wb-export-heading">{t('juryUi.workbooks.exportTitle')}</h2>
      <p className="muted small">{t('juryUi.workbooks.exportHelp')}</p>
      {jurors.length === 0 ? (
        <p className="empty">{t('juryUi.jurors.empty')}</p>
      ) : (
        <ul className="workbook-list">
          {jurors.map((j) => (
            <li key={j.id}>
              <button type="button" onClick={() => void run(j)} disabled={pending !== null}>
                {pending === j.id ? t('common.working') : t('juryUi.workbooks.download', { name: j.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ImportSection({ stage, jurors }: { stage: Stage; jurors: Juror[] }) {
  const jurorSelect = useId();
  const modeName = useId();
  const blockedId = useId();
  const [jurorId, setJurorId] = useState('');
  const [preview, setPreview] = useState<WorkbookPreview | null>(null);
  const [mode, setMode] = useState<'keepApp' | 'workbook'>('keepApp');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const apply = useApplyWorkbook();
  const announce = useAnnounce();
  const onFile = async (file: File) => {
    setPending(true);
    setError(null);
    setPreview(null);
    try {
      setPreview(await call('juryWorkbooks.preview', { stageId: stage.id, jurorId: Number(jurorId), fileName: file.name, dataBase64: await fileToBase64(file) }));
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setPending(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="wb-import-heading">
      <h2 id="wb-import-heading">{t('juryUi.workbooks.importTitle')}</h2>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={jurorSelect}>{t('juryUi.col.juror')}</label>
          <select id={jurorSelect} value={jurorId} onChange={(event) => setJurorId(event.target.value)}>
            <option value="">{t('juryUi.choose')}</option>
            {jurors.map((j) => (
              <option key={j.id} value={j.id}>
                {j.name}
              </option>
            ))}
          </select>
        </div>
        <FilePicker label={t('juryUi.workbooks.file')} hint={t('juryUi.workbooks.fileHint')} accept=".xlsx" disabled={!jurorId || pending} onFile={(file) => void onFile(file)} />
      </div>
      {pending && <p className="muted">{t('common.working')}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <div className="workbook-preview">
          <h3>{t('juryUi.workbooks.previewTitle', { file: preview.fileName, juror: preview.jurorName })}</h3>
          <dl className="totals">
            {(['new', 'changed', 'unchanged', 'conflicting', 'invalid'] as const).map((k) => (
              <div key={k} className={`total${k === 'invalid' && preview.counts[k] > 0 ? ' total-bad' : k === 'conflicting' && preview.counts[k] > 0 ? ' total-warn' : ''}`}>
                <dt>{t(`juryUi.workbooks.change.${k}`)}</dt>
                <dd>{preview.counts[k]}</dd>
              </div>
            ))}
          </dl>
          {preview.warnings.map((w) => (
            <p key={w} className="notice">
              {w}
            </p>
          ))}
          {preview.rows.length > 0 && (
            <TableWrap label={t('juryUi.workbooks.previewCaption')} className="medium">
              <table className="data-table compact">
                <caption className="sr-only">{t('juryUi.workbooks.previewCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">{t('juryUi.workbooks.row')}</th>
                    <th scope="col">{t('field.code')}</th>
                    <th scope="col">{t('juryUi.workbooks.field')}</th>
                    <th scope="col">{t('juryUi.workbooks.changeCol')}</th>
                    <th scope="col">{t('juryUi.workbooks.appValue')}</th>
                    <th scope="col">{t('juryUi.workbooks.workbookValue')}</th>
                    <th scope="col">{t('juryUi.workbooks.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => (
                    <tr key={`${row.row}-${row.field}`} className={row.change === 'invalid' ? 'row-error' : row.change === 'conflicting' ? 'row-warning' : undefined}>
                      <td className="num">{row.row}</td>
                      <td>{row.entryCode}</td>
                      <td>{row.field}</td>
                      <td>{t(`juryUi.workbooks.change.${row.change}`)}</td>
                      <td>{row.appValue ?? '—'}</td>
                      <td>{row.workbookValue ?? '—'}</td>
                      <td>{row.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          {preview.counts.conflicting > 0 && (
            <fieldset className="plain-fieldset">
              <legend>{t('juryUi.workbooks.conflictsLegend')}</legend>
              <div className="field field-checkbox">
                <input id={`${modeName}-app`} type="radio" name={modeName} checked={mode === 'keepApp'} onChange={() => setMode('keepApp')} />
                <label htmlFor={`${modeName}-app`}>{t('juryUi.workbooks.keepApp')}</label>
              </div>
              <div className="field field-checkbox">
                <input id={`${modeName}-wb`} type="radio" name={modeName} checked={mode === 'workbook'} onChange={() => setMode('workbook')} />
                <label htmlFor={`${modeName}-wb`}>{t('juryUi.workbooks.takeWorkbook')}</label>
              </div>
            </fieldset>
          )}
          <div className="form-actions start">
            <button
              type="button"
              className="primary"
              aria-describedby={preview.applyBlockedReason ? blockedId : undefined}
              disabled={!preview.canApply || apply.isPending}
              onClick={() =>
                apply.mutate(
                  { token: preview.token, conflicts: mode },
                  {
                    onSuccess: (result) => {
                      setPreview(null);
                      announce(t('juryUi.workbooks.applied', { applied: result.applied, skipped: result.skippedConflicts, unchanged: result.unchanged }));
                    },
                    onError: (e) => setError(errorText(e)),
                  },
                )
              }
            >
              {t('juryUi.workbooks.apply')}
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              {t('common.cancel')}
            </button>
          </div>
          {preview.applyBlockedReason && (
            <p id={blockedId} className="form-error" data-testid="workbook-apply-blocked">
              {preview.applyBlockedReason}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
