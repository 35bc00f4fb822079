import type { EncuentroDetail } from '../../../../../shared/domain/encuentro-types';
import { t } from '../../../../../shared/i18n';

/** The eje's name, or «Sin eje» for a practice or sala not tied to one. */
export function ejeName(detail: EncuentroDetail, id: number | null): string {
  return detail.ejes.find((e) => e.id === id)?.name ?? t('encuentroUi.setup.noEje');
}

/** A practice as the setup lists show it: «IGED: título». */
export function practiceLabel(detail: EncuentroDetail, id: number): string {
  const practice = detail.practices.find((p) => p.id === id);
  return practice ? `${practice.igedName}: ${practice.title}` : '';
}
