import { t } from '../../../../shared/i18n';
import { OrganizerOnly } from '../sede/device-scope';
import { encuentroHref } from './routes';

/** «Encuentros › <name>» above an Encuentro's screen; a venue device, which opens neither, has none. */
export function EncuentroBreadcrumb({ encuentroId, name }: { encuentroId: number; name: string | undefined }) {
  return (
    <OrganizerOnly>
      <p className="breadcrumb">
        <a href={encuentroHref({ page: 'list' })}>{t('encuentroUi.nav')}</a> › <a href={encuentroHref({ page: 'setup', encuentroId })}>{name ?? '…'}</a>
      </p>
    </OrganizerOnly>
  );
}
