import type { Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { AppContext } from '../context';

type ImportHandlerNames = 'imports.inspect' | 'imports.preview' | 'imports.commit' | 'reference.inspectUgels' | 'reference.commitUgels';

// Placeholder until the import pipeline lands (same session); every call refuses.
export function importHandlers(_ctx: AppContext): Pick<Handlers, ImportHandlerNames> {
  const refuse = () => {
    throw new AppError('error.unexpected', { detail: 'importación no disponible' });
  };
  return {
    'imports.inspect': refuse,
    'imports.preview': refuse,
    'imports.commit': refuse,
    'reference.inspectUgels': refuse,
    'reference.commitUgels': refuse,
  };
}
