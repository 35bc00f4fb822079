import { t } from '../../../../shared/i18n';
import { hrefOf } from '../../app/router';
import { ScreenTitle } from '../../components/ScreenTitle';

/** Shown by the screens that work on an edition when none exists yet. */
export function NoEdition({ title }: { title: string }) {
  return (
    <section>
      <ScreenTitle>{title}</ScreenTitle>
      <p className="empty">
        {t('editions.noneYet')} <a href={hrefOf({ name: 'editions' })}>{t('editions.goCreate')}</a>
      </p>
    </section>
  );
}
