import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { INSTITUTION_TYPES, institutionTypeLabel, type AttendanceCounts } from '../../../../../shared/domain/encuentro-attendance';
import type { Attendee } from '../../../../../shared/domain/encuentro-types';
import { formatTime, t } from '../../../../../shared/i18n';
import { useAnnounce } from '../../../app/announcer';
import { QueryStatus } from '../../../components/QueryStatus';
import { ScreenTitle } from '../../../components/ScreenTitle';
import { errorText } from '../../../lib/errors';
import { UndoBar } from '../capture/UndoBar';
import { EncuentroBreadcrumb } from '../EncuentroBreadcrumb';
import { EncuentroTabs } from '../EncuentroTabs';
import { onEncuentroEvent } from '../events';
import { useCheckIn, useUndoCheckIn } from '../mutations';
import { attendeesQuery, encuentroKeys, useAttendanceCounts, useAttendees, useEncuentro } from '../queries';
import { RegisterForm, RosterImport } from './RegisterForm';
import { OrganizerOnly } from '../../sede/device-scope';

/** The door: find a person (accents and case ignored), Enter to check in, undo; live counts beside. */
export function AttendanceScreen({ encuentroId }: { encuentroId: number }) {
  const encuentro = useEncuentro(encuentroId);
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onEncuentroEvent((name, payload) => {
        if (name !== 'encuentro.attendance') return;
        const event = payload as { encuentroId: number; counts: AttendanceCounts };
        if (event.encuentroId !== encuentroId) return;
        // The counts come with the event; the list is re-read once, from the write's data.changed.
        queryClient.setQueryData(encuentroKeys.counts(encuentroId), event.counts);
      }),
    [queryClient, encuentroId],
  );
  // The last person checked in — at the search or registered as a walk-in — is what «Deshacer» undoes.
  const [lastCheckedIn, setLastCheckedIn] = useState<Attendee | null>(null);
  return (
    <section className="encuentro-screen">
      <EncuentroBreadcrumb encuentroId={encuentroId} name={encuentro.data?.name} />
      <ScreenTitle>{t('encuentroUi.attendance.title')}</ScreenTitle>
      <EncuentroTabs encuentroId={encuentroId} current="attendance" />
      <div className="attendance-layout">
        <div>
          <CheckIn encuentroId={encuentroId} lastCheckedIn={lastCheckedIn} setLastCheckedIn={setLastCheckedIn} />
          <details className="panel">
            <summary>{t('encuentroUi.attendance.registerTitle')}</summary>
            <RegisterForm encuentroId={encuentroId} onCheckedIn={setLastCheckedIn} />
          </details>
          <OrganizerOnly>
            <details className="panel">
              <summary>{t('encuentroUi.attendance.importTitle')}</summary>
              <RosterImport encuentroId={encuentroId} />
            </details>
          </OrganizerOnly>
        </div>
        <Counts encuentroId={encuentroId} />
      </div>
    </section>
  );
}

function CheckIn({
  encuentroId,
  lastCheckedIn,
  setLastCheckedIn,
}: {
  encuentroId: number;
  lastCheckedIn: Attendee | null;
  setLastCheckedIn(attendee: Attendee | null): void;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const attendees = useAttendees(encuentroId, query.trim());
  const queryClient = useQueryClient();
  const checkIn = useCheckIn();
  const undoCheckIn = useUndoCheckIn();
  const announce = useAnnounce();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const list = attendees.data ?? [];
  const shown = list.slice(0, 50);
  const selected = shown[Math.min(active, shown.length - 1)] ?? null;
  // While the matches of what was just typed are on their way, the list still shows an older,
  // broader search: Enter then waits for the current matches instead of checking in whoever
  // heads the old list (at the door people type fast and press Enter at once).
  const listIsCurrent = attendees.isSuccess && !attendees.isPlaceholderData;

  const confirm = (person: Attendee | null) => {
    if (!person) return;
    // Checking in twice keeps the first time: the service decides, the list may be a moment old.
    const wasPresent = person.checkedIn;
    checkIn.mutate(
      { id: person.id },
      {
        onSuccess: (result) => {
          if (wasPresent) {
            announce(t('encuentroUi.attendance.already', { name: person.fullName }));
            return;
          }
          setLastCheckedIn(result.attendee);
          announce(t('encuentroUi.attendance.checkedIn', { name: result.attendee.fullName, count: result.counts.checkedIn }));
          setQuery('');
          setActive(0);
          inputRef.current?.focus();
        },
        onError: (error) => announce(errorText(error), 'error'),
      },
    );
  };

  const undo = () => {
    if (!lastCheckedIn) return;
    const person = lastCheckedIn;
    setLastCheckedIn(null);
    undoCheckIn.mutate(
      { id: person.id },
      {
        onSuccess: () => announce(t('encuentroUi.attendance.undone', { name: person.fullName })),
        onError: (error) => announce(errorText(error), 'error'),
      },
    );
    inputRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((a) => Math.min(a + 1, shown.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (listIsCurrent) {
        confirm(selected);
        return;
      }
      const typed = query;
      // A person picked with the arrows in the older list stays the one checked in (if the
      // current matches still hold them): the first match would be someone else, a namesake.
      const picked = active > 0 ? selected : null;
      void queryClient
        .fetchQuery(attendeesQuery(encuentroId, typed.trim()))
        .then((matches) => {
          // Only if the search was not changed meanwhile.
          if (inputRef.current?.value !== typed) return;
          confirm(picked ? (matches.find((match) => match.id === picked.id) ?? null) : (matches[0] ?? null));
        })
        .catch((error: unknown) => announce(errorText(error), 'error'));
    } else if (event.key === 'z' && (event.ctrlKey || event.metaKey) && query === '' && lastCheckedIn) {
      event.preventDefault();
      undo();
    } else if (event.key === 'Escape') {
      setQuery('');
      setActive(0);
    }
  };

  const optionId = (a: Attendee) => `${listId}-${a.id}`;
  return (
    <div className="panel">
      <div className="field checkin-search">
        <label htmlFor={`${listId}-input`}>{t('encuentroUi.attendance.search')}</label>
        <input
          ref={inputRef}
          id={`${listId}-input`}
          type="search"
          role="combobox"
          aria-expanded={shown.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={selected ? optionId(selected) : undefined}
          aria-describedby={`${listId}-hint`}
          autoComplete="off"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <p id={`${listId}-hint`} className="field-hint">
          {t('encuentroUi.attendance.searchHint')}
        </p>
      </div>
      <p className="muted small" aria-live="polite">
        {attendees.isSuccess && t('encuentroUi.attendance.found', { count: list.length })}
      </p>
      <ul id={listId} role="listbox" className="checkin-results" aria-label={t('encuentroUi.attendance.results')}>
        {shown.map((person) => (
          <li
            key={person.id}
            id={optionId(person)}
            role="option"
            aria-selected={person === selected}
            onClick={() => confirm(person)}
          >
            <span>
              <strong>{person.fullName}</strong>
              <span className="muted small">
                {' — '}
                {[
                  person.institution,
                  institutionTypeLabel(person.institutionType),
                  person.cargo,
                  // Only venue devices are named: on the organizer's own computer it goes without saying.
                  typeof person.registeredFrom?.deviceId === 'number' ? t('who.recordedByName', { name: person.registeredBy }) : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </span>
            {person.checkedIn ? (
              <span className="checkin-present">
                {person.checkedInAt ? t('encuentroUi.attendance.presentSince', { time: formatTime(person.checkedInAt) }) : t('encuentroUi.attendance.present')}
                {typeof person.checkedInFrom?.deviceId === 'number' ? <span className="muted small"> · {t('who.checkedInByName', { name: person.checkedInBy })}</span> : null}
              </span>
            ) : (
              <span className="muted">{t('encuentroUi.attendance.absent')}</span>
            )}
          </li>
        ))}
      </ul>
      {lastCheckedIn && <UndoBar message={t('encuentroUi.attendance.checkedInShort', { name: lastCheckedIn.fullName })} onUndo={undo} />}
    </div>
  );
}

function Counts({ encuentroId }: { encuentroId: number }) {
  const counts = useAttendanceCounts(encuentroId);
  return (
    <aside className="panel counts-panel" aria-labelledby="counts-title">
      <h2 id="counts-title">{t('encuentroUi.counts.title')}</h2>
      <QueryStatus query={counts}>
        {(c) => (
          <div data-testid="attendance-counts">
            <p className="counts-total" data-testid="count-present">
              {c.checkedIn}
            </p>
            <p className="muted">{t('encuentroUi.counts.presentOf', { registered: c.registered })}</p>
            <dl>
              <dt>{t('encuentroUi.counts.servidores')}</dt>
              <dd data-testid="count-servidores">{c.servidores.checkedIn}</dd>
              {INSTITUTION_TYPES.map((type) => (
                <div key={type} style={{ display: 'contents' }}>
                  <dt>{institutionTypeLabel(type)}</dt>
                  <dd data-testid={`count-${type}`}>
                    {t('encuentroUi.counts.ofRegistered', { present: c.byType[type].checkedIn, registered: c.byType[type].registered })}
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        )}
      </QueryStatus>
    </aside>
  );
}
