import type { ReactNode } from 'react';
import { t } from '../../../../../shared/i18n';

/**
 * A scrollable table container that keyboard users can focus and scroll (axe: scrollable-region-focusable).
 * It is a landmark, and its table often sits in a section named like the table: «Tabla: …» keeps
 * the two landmarks' names apart (axe: landmark-unique).
 */
export function TableWrap({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={`table-wrap ${className}`} tabIndex={0} role="region" aria-label={t('juryUi.tableRegion', { name: label })}>
      {children}
    </div>
  );
}
