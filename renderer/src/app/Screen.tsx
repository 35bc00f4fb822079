import { BackupsScreen } from '../features/backups/BackupsScreen';
import { EditionDetailScreen } from '../features/editions/EditionDetailScreen';
import { EditionsScreen } from '../features/editions/EditionsScreen';
import { EntryDetailScreen } from '../features/entries/EntryDetailScreen';
import { EncuentroScreen } from '../features/encuentro/EncuentroScreen';
import { JuryScreen } from '../features/jury/JuryScreen';
import { ImportScreen } from '../features/imports/ImportScreen';
import { ReferenceScreen } from '../features/reference/ReferenceScreen';
import { SedeScreen } from '../features/sede/SedeScreen';
import { EntriesScreen } from './lazy-screens';
import { hrefOf, type Route } from './router';

/** The screen for a route. Keys make each route start fresh (forms, wizard state, focus). */
export function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'editions':
      return <EditionsScreen />;
    case 'edition':
      return <EditionDetailScreen key={route.id} id={route.id} />;
    case 'entries':
      return <EntriesScreen />;
    case 'entry':
      return <EntryDetailScreen key={route.id} id={route.id} />;
    case 'newEntry':
      return <EntryDetailScreen key="new" id={null} />;
    case 'import':
      return <ImportScreen />;
    case 'reference':
      return <ReferenceScreen />;
    case 'backups':
      return <BackupsScreen />;
    case 'encuentro':
      return <EncuentroScreen path={route.path} />;
    case 'jury':
    case 'scoring':
    case 'results':
      return <JuryScreen key={hrefOf(route)} route={route} />;
    case 'sede':
      return <SedeScreen />;
    case 'projector': // shown by App on its own, without the app's header and navigation
    case 'join': // a device's join page, shown by App in place of the whole app
      return null;
  }
}
