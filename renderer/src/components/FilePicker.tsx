import { useId, type ChangeEvent } from 'react';

interface FilePickerProps {
  label: string;
  hint: string;
  accept: string;
  disabled?: boolean;
  onFile(file: File): void;
}

/**
 * A labelled file input. Its value is cleared after each pick so that choosing the same
 * file again (after fixing it in Excel) still counts as a new choice.
 */
export function FilePicker({ label, hint, accept, disabled = false, onFile }: FilePickerProps) {
  const id = useId();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) onFile(file);
  };
  return (
    <div className="field file-picker">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="file" accept={accept} disabled={disabled} onChange={onChange} aria-describedby={`${id}-hint`} />
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
    </div>
  );
}
