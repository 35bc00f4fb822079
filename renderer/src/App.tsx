import { useQuery } from '@tanstack/react-query';
import { t } from '../../shared/i18n';
import { call } from './api/client';

export function App() {
  const editions = useQuery({ queryKey: ['editions', false], queryFn: () => call('editions.list', {}) });
  return (
    <main>
      <h1>{t('app.title')}</h1>
      <h2>{t('nav.editions')}</h2>
      <ul>{editions.data?.map((e) => <li key={e.id}>{e.name}</li>)}</ul>
    </main>
  );
}
