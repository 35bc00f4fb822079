import { ResultsScreen } from '../results/ResultsScreen';
import './jury.css';
import { AssignmentScreen } from './organizer/AssignmentScreen';
import { ConflictsScreen } from './organizer/ConflictsScreen';
import { JurorsScreen } from './organizer/JurorsScreen';
import { JurySettingsScreen } from './organizer/JurySettingsScreen';
import { StagesScreen } from './organizer/StagesScreen';
import { WorkbooksScreen } from './organizer/WorkbooksScreen';
import { GridScreen } from '../../app/lazy-screens';
import type { JuryRoute } from './routes';
import { SheetScreen } from './scoring/SheetScreen';
import { WhoAmIScreen } from './scoring/WhoAmIScreen';
import { WorklistScreen } from './scoring/WorklistScreen';

/** The screen for a jury route (the app's Screen hands every jury route here). */
export function JuryScreen({ route }: { route: JuryRoute }) {
  switch (route.name) {
    case 'results':
      return <ResultsScreen />;
    case 'scoring':
      if (route.stageId === null || route.jurorId === null) return <WhoAmIScreen />;
      if (route.grid) return <GridScreen stageId={route.stageId} jurorId={route.jurorId} />;
      if (route.entryId !== null) return <SheetScreen stageId={route.stageId} jurorId={route.jurorId} entryId={route.entryId} />;
      return <WorklistScreen stageId={route.stageId} jurorId={route.jurorId} />;
    case 'jury':
      switch (route.tab) {
        case 'jurors':
          return <JurorsScreen />;
        case 'conflicts':
          return <ConflictsScreen />;
        case 'assignment':
          return <AssignmentScreen />;
        case 'stages':
          return <StagesScreen />;
        case 'workbooks':
          return <WorkbooksScreen />;
        case 'settings':
          return <JurySettingsScreen />;
      }
  }
}
