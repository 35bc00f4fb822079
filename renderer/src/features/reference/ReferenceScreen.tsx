import { t } from '../../../../shared/i18n';
import { QueryStatus } from '../../components/QueryStatus';
import { ScreenTitle } from '../../components/ScreenTitle';
import { IgedTable } from './IgedTable';
import { useIgeds } from './queries';
import { UgelImport } from './UgelImport';

/** Reference data: the DRE/GRE shipped with the app and the UGEL loaded from ESCALE. */
export function ReferenceScreen() {
  const igeds = useIgeds();
  return (
    <section>
      <ScreenTitle>{t('reference.title')}</ScreenTitle>
      <p className="lead">{t('reference.intro')}</p>
      <UgelImport />
      <section className="panel" aria-labelledby="iged-list-heading">
        <h2 id="iged-list-heading">{t('reference.listTitle')}</h2>
        <QueryStatus query={igeds}>{(list) => <IgedTable igeds={list} />}</QueryStatus>
      </section>
    </section>
  );
}
