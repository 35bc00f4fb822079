import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Iged } from '../../../../shared/domain/types';
import { matchesSearch } from '../../../../shared/domain/text';
import { t } from '../../../../shared/i18n';

interface IgedPickerProps {
  label: string;
  igeds: Iged[];
  value: number | null;
  onChange(id: number | null): void;
  onBlur?: () => void;
  error?: string | undefined;
  disabled?: boolean;
}

/** Long enough to find any IGED by typing, short enough to render instantly. */
const MAX_OPTIONS = 40;

/**
 * A searchable select (ARIA combobox with a listbox popup) over the ~250 DRE/GRE and UGEL:
 * typing "cusco" or "ugel nor" narrows the list, accents and case ignored; arrows move,
 * Enter chooses, Escape closes.
 */
export function IgedPicker({ label, igeds, value, onChange, onBlur, error, disabled = false }: IgedPickerProps) {
  const id = useId();
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const selected = igeds.find((iged) => iged.id === value) ?? null;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);

  const options = useMemo(
    () => igeds.filter((iged) => matchesSearch(`${iged.name} ${iged.code} ${iged.region} ${iged.dreName ?? ''}`, query)).slice(0, MAX_OPTIONS),
    [igeds, query],
  );

  const openWith = (text: string) => {
    setQuery(text);
    setActive(0);
    setOpen(true);
  };
  const choose = (iged: Iged) => {
    onChange(iged.id);
    setOpen(false);
    setQuery('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) openWith(query);
      else setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      const option = options[active];
      if (option) choose(option);
    } else if (event.key === 'Escape' && open) {
      // Close the list only; a dialog around the form must not close too.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setQuery('');
    }
  };

  const activeOption = open ? options[active] : undefined;
  const describedBy = [hintId, error ? errorId : null].filter(Boolean).join(' ');

  return (
    <div className="field combobox">
      <label htmlFor={id}>{label}</label>
      <div className="combobox-control">
        <input
          ref={inputRef}
          id={id}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeOption ? `${id}-opt-${activeOption.id}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          disabled={disabled}
          value={open ? query : selected ? selected.name : ''}
          placeholder={t('igedPicker.placeholder')}
          onChange={(event) => openWith(event.target.value)}
          onClick={() => !open && openWith('')}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            setQuery('');
            onBlur?.();
          }}
        />
        {selected && !disabled && (
          <button
            type="button"
            className="icon-button"
            aria-label={t('igedPicker.clear', { name: selected.name })}
            onClick={() => {
              onChange(null);
              inputRef.current?.focus();
            }}
          >
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
      <p id={hintId} className="field-hint">
        {selected ? t('igedPicker.selected', { kind: t(`iged.kind.${selected.kind}`), region: selected.region }) : t('igedPicker.hint')}
      </p>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <ul id={listId} role="listbox" aria-label={label} className="combobox-list" hidden={!open}>
        {open && options.length === 0 && (
          <li className="combobox-empty" role="option" aria-selected={false} aria-disabled="true">
            {t('igedPicker.noMatch')}
          </li>
        )}
        {open &&
          options.map((iged, index) => (
            <li
              key={iged.id}
              id={`${id}-opt-${iged.id}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(iged);
              }}
              onMouseEnter={() => setActive(index)}
            >
              <span>{iged.name}</span>
              <span className="muted small">
                {t(`iged.kind.${iged.kind}`)} · {iged.region}
              </span>
            </li>
          ))}
      </ul>
    </div>
  );
}
