import type { ReactNode } from 'react';

/** A scrollable table container that keyboard users can focus and scroll (axe: scrollable-region-focusable). */
export function TableWrap({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={`table-wrap ${className}`} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
