import type { z } from 'zod';
import type { Access, MethodSpec } from '../../../shared/contract/define';
import { REMOTE_ROLES } from '../../../shared/sede/roles';
import { RESOLVERS } from './resolvers';

/**
 * Every method's access rule, checked when the services are built: a method without one, a
 * grant to an unknown target, or a grant naming an input field the method does not have would
 * otherwise only show as a refusal (or worse) at the venue. Answers the problems found, in English
 * for the developer (this never reaches a user: the app does not start with such a contract).
 */
export function accessProblems(contract: Readonly<Record<string, Partial<MethodSpec<z.ZodType, unknown>>>>): string[] {
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(contract)) {
    const access = spec.access as Access | undefined;
    if (!access || typeof access !== 'object') {
      problems.push(`${name}: no access declaration`);
      continue;
    }
    const shape = (spec.input as Partial<z.ZodObject> | undefined)?.shape ?? {};
    for (const [role, grant] of Object.entries(access)) {
      if (!(REMOTE_ROLES as readonly string[]).includes(role)) problems.push(`${name}: unknown role ${role}`);
      if (!grant || grant.target === 'none') continue;
      const resolver = (RESOLVERS as Readonly<Record<string, (typeof RESOLVERS)[keyof typeof RESOLVERS] | undefined>>)[grant.target];
      if (!resolver) {
        problems.push(`${name}: unknown target ${grant.target}`);
        continue;
      }
      const fields = [grant.field ?? resolver.field, ...(resolver.also ?? []), ...Object.keys(grant.only ?? {})];
      for (const field of fields) if (!(field in shape)) problems.push(`${name}: ${role} reads ${field}, which the input does not have`);
    }
  }
  return problems;
}

export function assertAccessDeclared(contract: Parameters<typeof accessProblems>[0]): void {
  const problems = accessProblems(contract);
  if (problems.length > 0) throw new Error(`Contract methods with a faulty access rule:\n${problems.join('\n')}`);
}
