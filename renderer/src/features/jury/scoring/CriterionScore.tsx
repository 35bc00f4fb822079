import { useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { ScoreCell, SavedScore, SheetCriterion } from '../../../../../shared/domain/jury-types';
import { t } from '../../../../../shared/i18n';
import { call } from '../../../api/client';
import { errorText } from '../../../lib/errors';
import { readScore, scoreText } from './score-text';

export interface CriterionHandle {
  /** Saves what was typed; false (with the message at the field) when refused or not saved. */
  commit(): Promise<boolean>;
  focus(): void;
}

interface CriterionScoreProps {
  ref?: Ref<CriterionHandle>;
  sheet: { stageId: number; jurorId: number; entryId: number };
  criterion: SheetCriterion;
  cell: ScoreCell | undefined;
  editable: boolean;
  onSaved(saved: SavedScore): void;
  /** Enter on a valid score: go to the next criterion. */
  onNext(): void;
}

type Phase = 'idle' | 'saving' | 'saved' | 'error';

/** One criterion of the ficha: the score, the rubric's level descriptors inline, and a comment. */
export function CriterionScore({ ref, sheet, criterion, cell, editable, onSaved, onNext }: CriterionScoreProps) {
  const initial = scoreText(cell?.value ?? null);
  const [text, setText] = useState(initial);
  const [phase, setPhase] = useState<Phase>('idle');
  const [message, setMessage] = useState('');
  const [comment, setComment] = useState(cell?.comment ?? '');
  const [commentPhase, setCommentPhase] = useState<Phase>('idle');
  const sent = useRef(initial);
  const sentComment = useRef(cell?.comment ?? '');
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = `score-${criterion.id}`;
  const parsed = readScore(text, criterion);
  const current = parsed.ok ? parsed.value : null;

  const inflight = useRef<Promise<boolean>>(Promise.resolve(true));

  const commitText = (value: string): Promise<boolean> => {
    if (!editable) return Promise.resolve(true);
    // Nothing new typed: report how the last save ended (it may still be on its way).
    if (value === sent.current) return inflight.current;
    inflight.current = send(value);
    return inflight.current;
  };

  const send = async (value: string): Promise<boolean> => {
    const result = readScore(value, criterion);
    if (!result.ok) {
      setPhase('error');
      setMessage(result.message);
      return false;
    }
    const normalized = scoreText(result.value);
    const previous = sent.current;
    sent.current = normalized;
    setText(normalized);
    setPhase('saving');
    setMessage('');
    try {
      const saved = await call('scores.set', { ...sheet, criterionId: criterion.id, value: result.value });
      setPhase('saved');
      onSaved(saved);
      return true;
    } catch (error) {
      sent.current = previous;
      setPhase('error');
      setMessage(t('juryUi.score.notSaved', { reason: errorText(error) }));
      return false;
    }
  };

  const commitComment = async (): Promise<boolean> => {
    if (!editable || comment === sentComment.current) return true;
    const value = comment;
    setCommentPhase('saving');
    try {
      const saved = await call('scores.set', { ...sheet, criterionId: criterion.id, comment: value });
      sentComment.current = value;
      setCommentPhase('saved');
      onSaved(saved);
      return true;
    } catch (error) {
      setCommentPhase('error');
      setMessage(t('juryUi.score.notSaved', { reason: errorText(error) }));
      return false;
    }
  };

  useImperativeHandle(ref, () => ({
    commit: async () => (await commitText(inputRef.current?.value ?? text)) && (await commitComment()),
    focus: () => inputRef.current?.focus(),
  }));

  const onKeyDown = async (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      setText(sent.current);
      setPhase('idle');
      setMessage('');
      return;
    }
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    // Checked at once so the next keystrokes land in the next field; the save goes on behind
    // and this field says "guardado" when it is on disk (or shows why not).
    const value = event.currentTarget.value;
    if (!readScore(value, criterion).ok) {
      await commitText(value);
      inputRef.current?.select();
      return;
    }
    void commitText(value);
    onNext();
  };

  const hintId = `${inputId}-hint`;
  const stateId = `${inputId}-state`;
  return (
    <fieldset className="criterion-block" aria-labelledby={`${inputId}-legend`}>
      <legend id={`${inputId}-legend`}>
        {criterion.name}
        <span className="muted small">
          {' '}
          {t('juryUi.sheet.criterionMeta', { weight: criterion.weight, min: criterion.scaleMin, max: criterion.scaleMax, step: criterion.scaleStep })}
          {criterion.independent && ` · ${t('juryUi.sheet.independent')}`}
        </span>
      </legend>
      {criterion.description && <p className="criterion-description">{criterion.description}</p>}
      <div className="criterion-body">
        <div className="field score-field">
          <label htmlFor={inputId}>{t('juryUi.sheet.score')}</label>
          <input
            ref={inputRef}
            id={inputId}
            className="score-input"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={text}
            readOnly={!editable}
            onChange={(event) => {
              setText(event.target.value);
              if (phase === 'saved') setPhase('idle');
            }}
            onFocus={(event) => event.currentTarget.select()}
            onBlur={(event) => void commitText(event.currentTarget.value)}
            onKeyDown={(event) => void onKeyDown(event)}
            aria-invalid={phase === 'error' ? true : undefined}
            aria-describedby={`${hintId} ${stateId}`}
          />
          <p id={hintId} className="field-hint">
            {t('juryUi.sheet.scoreHint', { min: criterion.scaleMin, max: criterion.scaleMax })}
          </p>
          <p id={stateId} className={phase === 'error' ? 'field-error' : 'save-state'} role={phase === 'error' ? 'alert' : undefined}>
            {phase === 'saving' && t('juryUi.score.saving')}
            {phase === 'saved' && t('juryUi.score.saved')}
            {phase === 'error' && message}
          </p>
        </div>
        {criterion.levels.length > 0 && (
          <ul className="level-descriptors" aria-label={t('juryUi.sheet.levels', { criterion: criterion.name })}>
            {criterion.levels.map((level) => {
              const selected = current !== null && Math.abs(current - level.value) < 1e-9;
              return (
                <li key={level.value} className={selected ? 'selected' : undefined} aria-current={selected ? 'true' : undefined}>
                  <button
                    type="button"
                    tabIndex={-1}
                    className="level-pick"
                    disabled={!editable}
                    onClick={() => {
                      const value = scoreText(level.value);
                      setText(value);
                      void commitText(value);
                    }}
                  >
                    <strong>{scoreText(level.value)}</strong>
                    {level.label && ` — ${level.label}`}
                  </button>
                  {level.descriptor && <span className="level-descriptor">{level.descriptor}</span>}
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${inputId}-comment`}>{t('juryUi.sheet.criterionComment', { criterion: criterion.name })}</label>
        <textarea
          id={`${inputId}-comment`}
          rows={2}
          value={comment}
          readOnly={!editable}
          onChange={(event) => {
            setComment(event.target.value);
            setCommentPhase('idle');
          }}
          onBlur={() => void commitComment()}
          aria-describedby={`${inputId}-comment-state`}
        />
        <p id={`${inputId}-comment-state`} className="save-state">
          {commentPhase === 'saving' && t('juryUi.score.saving')}
          {commentPhase === 'saved' && t('juryUi.score.commentSaved')}
        </p>
      </div>
    </fieldset>
  );
}
