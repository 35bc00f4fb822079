import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { WhoAmI } from '../../../../shared/contract/sede';
import { t } from '../../../../shared/i18n';
import { joinVenue } from '../../api/client';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { errorText } from '../../lib/errors';
import { normalizeJoinCode } from './device-routes';
import './sede.css';

/** Why the join page shows: a first visit, the organizer closed or revoked the session, or the device left. */
export type JoinReason = 'first' | 'closed' | 'left';

/**
 * A device joining the venue. Scanned from the invitation's QR code, the address carries the
 * code: it is filled in and one tap on «Unirme» is left. Typed by hand, case, spaces and the dash
 * do not matter. What the capture journal holds on this device stays through all of it.
 */
export function JoinScreen({ code, reason, onJoined }: { code: string | null; reason: JoinReason; onJoined(who: WhoAmI): void }) {
  const [value, setValue] = useState(code ?? '');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  // Opened from the QR code: the code is there, «Unirme» is the one thing left (Enter or a tap).
  const prefilled = normalizeJoinCode(code ?? '') !== null;
  useEffect(() => {
    if (prefilled) button.current?.focus();
  }, [prefilled]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const normalized = normalizeJoinCode(value);
    if (normalized === null) {
      setError(t('sedeUi.join.codeInvalid'));
      input.current?.focus();
      return;
    }
    setError(null);
    setPending(true);
    try {
      onJoined(await joinVenue(normalized));
    } catch (caught) {
      setError(errorText(caught));
      setPending(false);
      input.current?.focus();
    }
  };
  return (
    <div className="join-page">
      <header className="app-header">
        <span className="brand-title">{t('app.title')}</span>
      </header>
      <ConnectionBanner />
      <main id="main" className="join-main">
        <h1>{t('sedeUi.join.title')}</h1>
        {reason === 'closed' && (
          <div className="notice join-closed" role="alert">
            <p>{t('sedeUi.join.closed')}</p>
            <p>{t('sedeUi.join.closedKept')}</p>
          </div>
        )}
        {reason === 'left' && (
          <p className="notice" role="status">
            {t('sedeUi.join.left')}
          </p>
        )}
        <p>{t('sedeUi.join.help')}</p>
        <form className="form join-form" onSubmit={(event) => void submit(event)} noValidate>
          <div className="field">
            <label htmlFor={id}>{t('sedeUi.join.code')}</label>
            <input
              ref={input}
              id={id}
              className="join-code-input"
              value={value}
              onChange={(event) => setValue(event.target.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={20}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            />
            <p id={`${id}-hint`} className="field-hint">
              {t('sedeUi.join.codeHint')}
            </p>
            {error && (
              <p id={`${id}-error`} className="field-error" role="alert">
                {error}
              </p>
            )}
          </div>
          <button ref={button} type="submit" className="primary join-button" disabled={pending}>
            {pending ? t('common.working') : t('sedeUi.join.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
