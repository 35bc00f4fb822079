import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ScoreSheetView } from '../../../../../shared/domain/jury-types';
import { t } from '../../../../../shared/i18n';
import { useAnnounce } from '../../../app/announcer';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { QueryStatus } from '../../../components/QueryStatus';
import { ScreenTitle } from '../../../components/ScreenTitle';
import { errorText } from '../../../lib/errors';
import { SheetStatusBadge } from '../common/labels';
import { useAbstain, useClearAbstention, useSetSheetComment, useSubmitSheet } from '../mutations';
import { scoringKeys, useSheet } from '../queries';
import { goTo, juryHref, sheetRoute, worklistRoute } from '../routes';
import { AbstainDialog } from './AbstainDialog';
import { CriterionScore, type CriterionHandle } from './CriterionScore';
import { PeersTable } from './PeersTable';

/** One juror's ficha for one entry. */
export function SheetScreen({ stageId, jurorId, entryId }: { stageId: number; jurorId: number; entryId: number }) {
  const sheet = useSheet(stageId, jurorId, entryId);
  return <QueryStatus query={sheet}>{(data) => <SheetView key={`${entryId}-${String(data.editable)}-${data.abstention ?? ''}`} sheet={data} />}</QueryStatus>;
}

// After submitting, the ficha re-opens read-only: focus then goes to "Siguiente postulación".
let focusNextOnMount = false;

function SheetView({ sheet }: { sheet: ScoreSheetView }) {
  const nextRef = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (focusNextOnMount && nextRef.current) {
      focusNextOnMount = false;
      nextRef.current.focus();
    }
  }, []);
  const key = { stageId: sheet.stageId, jurorId: sheet.jurorId, entryId: sheet.entry.entryId };
  const handles = useRef(new Map<number, CriterionHandle>());
  const [overall, setOverall] = useState(sheet.overallComment);
  const [overallSaved, setOverallSaved] = useState(sheet.overallComment);
  const [progress, setProgress] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'abstain' | 'submit' | null>(null);
  const [working, setWorking] = useState(false);
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const setComment = useSetSheetComment();
  const abstain = useAbstain();
  const clearAbstention = useClearAbstention();
  const submit = useSubmitSheet();
  const editable = sheet.editable && sheet.abstention === null;
  const worklistHref = juryHref(worklistRoute(sheet.stageId, sheet.jurorId));
  const nextHref = sheet.nextEntryId === null ? worklistHref : juryHref(sheetRoute(sheet.stageId, sheet.jurorId, sheet.nextEntryId));

  /** Saves every criterion and the overall comment; focuses the first one refused. */
  const saveAll = async (): Promise<boolean> => {
    for (const criterion of sheet.criteria) {
      const handle = handles.current.get(criterion.id);
      if (handle && !(await handle.commit())) {
        handle.focus();
        announce(t('juryUi.sheet.fixFirst', { criterion: criterion.name }), 'error');
        return false;
      }
    }
    if (sheet.editable && overall !== overallSaved) {
      try {
        await setComment.mutateAsync({ ...key, comment: overall });
        setOverallSaved(overall);
      } catch (error) {
        announce(errorText(error), 'error');
        return false;
      }
    }
    return true;
  };

  const saveAndNext = async () => {
    if (working) return;
    setWorking(true);
    try {
      if (!(await saveAll())) return;
      await queryClient.invalidateQueries({ queryKey: scoringKeys.all });
      announce(t('juryUi.sheet.savedNext'));
      if (sheet.nextEntryId === null) goTo(worklistRoute(sheet.stageId, sheet.jurorId));
      else goTo(sheetRoute(sheet.stageId, sheet.jurorId, sheet.nextEntryId));
    } finally {
      setWorking(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void saveAndNext();
    }
  };

  const focusNext = (index: number) => {
    const next = sheet.criteria[index + 1];
    if (next) handles.current.get(next.id)?.focus();
    else document.getElementById('overall-comment')?.focus();
  };

  const entry = sheet.entry;
  return (
    <section onKeyDown={onKeyDown}>
      <p className="breadcrumb">
        <a href={worklistHref}>{t('juryUi.worklist.back')}</a>
      </p>
      <ScreenTitle>{t('juryUi.sheet.title', { code: entry.code, title: entry.title })}</ScreenTitle>
      <dl className="facts">
        <div>
          <dt>{t('field.category')}</dt>
          <dd>{entry.categoryName}</dd>
        </div>
        <div>
          <dt>{t('field.iged')}</dt>
          <dd>{entry.igedName ?? t('juryUi.hidden')}</dd>
        </div>
        <div>
          <dt>{t('field.region')}</dt>
          <dd>{entry.region ?? t('juryUi.hidden')}</dd>
        </div>
        <div>
          <dt>{t('juryUi.col.status')}</dt>
          <dd>
            <SheetStatusBadge status={sheet.status} />
          </dd>
        </div>
        {progress && (
          <div>
            <dt>{t('juryUi.progress.label')}</dt>
            <dd>{progress}</dd>
          </div>
        )}
      </dl>
      {entry.igedName === null && <p className="muted small">{t('juryUi.blindNote')}</p>}
      {!sheet.editable && sheet.readOnlyReason && (
        <p className="notice" role="note">
          {sheet.readOnlyReason}
        </p>
      )}
      {sheet.abstention && (
        <div className="notice" role="note">
          <p>{t(sheet.abstention === 'abstain' ? 'juryUi.abstain.recordedAbstain' : 'juryUi.abstain.recordedRecuse', { reason: sheet.abstentionReason })}</p>
          {sheet.editable && (
            <button
              type="button"
              onClick={() =>
                clearAbstention.mutate(key, {
                  onSuccess: () => announce(t('juryUi.abstain.cleared')),
                  onError: (error) => announce(errorText(error), 'error'),
                })
              }
            >
              {t('juryUi.abstain.clear')}
            </button>
          )}
        </div>
      )}
      <details className="entry-details">
        <summary>{t('juryUi.sheet.entryText')}</summary>
        {entry.summary && <EntryText label={t('field.summary')} text={entry.summary} />}
        {entry.problem && <EntryText label={t('field.problem')} text={entry.problem} />}
        {entry.results && <EntryText label={t('field.results')} text={entry.results} />}
        {entry.evidenceLinks.length > 0 && (
          <>
            <h3>{t('field.evidence')}</h3>
            <ul>
              {entry.evidenceLinks.map((link) => (
                <li key={link}>{link}</li>
              ))}
            </ul>
          </>
        )}
      </details>
      <p className="muted small">{t('juryUi.sheet.help')}</p>
      {sheet.criteria.map((criterion, index) => (
        <CriterionScore
          key={criterion.id}
          ref={(handle) => {
            if (handle) handles.current.set(criterion.id, handle);
            else handles.current.delete(criterion.id);
          }}
          sheet={key}
          criterion={criterion}
          cell={sheet.scores.find((s) => s.criterionId === criterion.id)}
          editable={editable}
          onSaved={(saved) => setProgress(t('juryUi.progress.text', { done: saved.progress.done, total: saved.progress.total }))}
          onNext={() => focusNext(index)}
        />
      ))}
      <div className="field">
        <label htmlFor="overall-comment">{t('juryUi.sheet.overallComment')}</label>
        <textarea id="overall-comment" rows={3} value={overall} readOnly={!sheet.editable} onChange={(event) => setOverall(event.target.value)} />
      </div>
      <div className="form-actions start sheet-actions">
        {sheet.editable ? (
          <>
            <button type="button" className="primary" onClick={() => void saveAndNext()} disabled={working} aria-keyshortcuts="Control+Enter">
              {working ? t('common.saving') : t('juryUi.sheet.saveNext')}
            </button>
            {sheet.status !== 'submitted' && sheet.abstention === null && (
              <button type="button" onClick={() => void saveAll().then((ok) => ok && setDialog('submit'))}>
                {t('juryUi.sheet.submit')}
              </button>
            )}
            {sheet.abstention === null && (
              <button type="button" onClick={() => setDialog('abstain')}>
                {t('juryUi.abstain.open')}
              </button>
            )}
          </>
        ) : (
          <a ref={nextRef} className="button primary" href={nextHref}>
            {sheet.nextEntryId === null ? t('juryUi.worklist.back') : t('juryUi.sheet.next')}
          </a>
        )}
      </div>
      <section className="panel" aria-labelledby="peers-heading">
        <h2 id="peers-heading">{t('juryUi.peers.title')}</h2>
        {sheet.peers === null ? <p className="muted">{t('jury.score.peersHidden')}</p> : <PeersTable sheet={sheet} />}
      </section>
      {dialog === 'submit' && (
        <ConfirmDialog
          title={t('juryUi.sheet.submitTitle')}
          confirmLabel={t('juryUi.sheet.submit')}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            focusNextOnMount = true;
            await submit.mutateAsync(key);
            announce(t('juryUi.sheet.submitted', { code: entry.code }));
          }}
        >
          <p>{t('juryUi.sheet.submitConfirm')}</p>
        </ConfirmDialog>
      )}
      {dialog === 'abstain' && (
        <AbstainDialog
          onClose={() => setDialog(null)}
          onSubmit={async (values) => {
            await abstain.mutateAsync({ ...key, ...values });
            announce(t(values.kind === 'abstain' ? 'juryUi.abstain.doneAbstain' : 'juryUi.abstain.doneRecuse'));
          }}
        />
      )}
    </section>
  );
}

function EntryText({ label, text }: { label: string; text: string }) {
  return (
    <>
      <h3>{label}</h3>
      <p className="prewrap">{text}</p>
    </>
  );
}
