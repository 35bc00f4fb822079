import type { ReactNode } from 'react';

interface ListPanelProps {
  /** Makes the heading's id (`${id}-heading`), which names the section for screen readers. */
  id: string;
  title: string;
  addLabel: string;
  onAdd(): void;
  addDisabled?: boolean;
  children: ReactNode;
}

/** A panel listing things the organizer adds to: its heading beside the «Añadir …» button, then the list. */
export function ListPanel({ id, title, addLabel, onAdd, addDisabled = false, children }: ListPanelProps) {
  const headingId = `${id}-heading`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-header">
        <h2 id={headingId}>{title}</h2>
        <button type="button" onClick={onAdd} disabled={addDisabled}>
          {addLabel}
        </button>
      </div>
      {children}
    </section>
  );
}
