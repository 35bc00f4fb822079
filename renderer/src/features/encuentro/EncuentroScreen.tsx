import { useEffect } from 'react';
import { AttendanceScreen } from './attendance/AttendanceScreen';
import { CaptureScreen } from './capture/CaptureScreen';
import { installUnloadGuard } from './capture/unload-guard';
import { EncuentrosListScreen } from './EncuentrosListScreen';
import { parseEncuentroPath } from './routes';
import { SetupScreen } from './setup/SetupScreen';
import { SummaryScreen } from './synthesis/SummaryScreen';
import { SynthesisScreen } from './synthesis/SynthesisScreen';
import './encuentro.css';

/** The Encuentro section: its own sub-routes under #/encuentros. */
export function EncuentroScreen({ path }: { path: readonly string[] }) {
  useEffect(() => installUnloadGuard(), []);
  const page = parseEncuentroPath(path);
  switch (page.page) {
    case 'list':
      return <EncuentrosListScreen />;
    case 'setup':
      return <SetupScreen key={page.encuentroId} encuentroId={page.encuentroId} />;
    case 'capture':
      return <CaptureScreen key={page.encuentroId} encuentroId={page.encuentroId} salaId={page.salaId} practiceId={page.practiceId} />;
    case 'synthesis':
      return <SynthesisScreen key={`${page.encuentroId}:${page.salaId}`} encuentroId={page.encuentroId} salaId={page.salaId} />;
    case 'summary':
      return <SummaryScreen key={page.encuentroId} encuentroId={page.encuentroId} />;
    case 'attendance':
      return <AttendanceScreen key={page.encuentroId} encuentroId={page.encuentroId} />;
  }
}
