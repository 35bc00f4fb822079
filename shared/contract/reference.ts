import { z } from 'zod';
import type { Iged } from '../domain/types';
import { method, ORGANIZER } from './define';

export const referenceMethods = {
  'reference.regions': method<string[]>('read', ORGANIZER)(z.object({})),
  'reference.igeds': method<Iged[]>('read', ORGANIZER)(z.object({ kind: z.enum(['dre', 'ugel']).optional() })),
};
