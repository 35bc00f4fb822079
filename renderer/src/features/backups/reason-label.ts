import type { BackupInfo } from '../../../../shared/domain/types';
import { t } from '../../../../shared/i18n';

const KNOWN_REASONS = new Set(['automatica', 'antes-de-importar', 'antes-de-migrar', 'manual', 'antes-de-restaurar']);

/** What a backup was taken for; an import names its file and edition, so two of them differ. */
export function reasonLabel({ reason, about }: Pick<BackupInfo, 'reason' | 'about'>): string {
  if (reason === 'antes-de-importar' && about) {
    return about.edition ? t('backups.reason.importInto', { file: about.fileName, edition: about.edition }) : t('backups.reason.importOf', { file: about.fileName });
  }
  return KNOWN_REASONS.has(reason) ? t(`backups.reason.${reason as 'manual'}`) : reason;
}
