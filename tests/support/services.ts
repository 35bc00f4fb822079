import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { createServices, type ServiceOptions, type Services } from '../../electron/services/registry';

/** A fresh folder under the system temp dir, removed by the returned cleanup. */
export function tempDir(prefix = 'bpge-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface TestApp {
  services: Services;
  dir: string;
  dbPath: string;
  /** Calls a contract method through the same validation path as the transports; throws on error. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Calls and returns the wire error (fails the test if the call succeeded). */
  fail<M extends MethodName>(method: M, input: MethodInput<M>): Promise<{ code: string; message: string; details?: unknown }>;
  close(): void;
}

export async function openTestApp(options: Partial<ServiceOptions> = {}): Promise<TestApp> {
  const { dir, cleanup } = tempDir();
  const dbPath = options.dbPath ?? path.join(dir, 'test.db');
  const services = await createServices({ demo: 'never', log: () => undefined, ...options, dbPath });
  return {
    services,
    dir,
    dbPath,
    async call(method, input) {
      const result = await services.call(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
      return result.result as never;
    },
    async fail(method, input) {
      const result = await services.call(method, input);
      if (result.ok) throw new Error(`${method} should have failed and did not`);
      return result.error;
    },
    close() {
      services.close();
      cleanup();
    },
  };
}

export const sampleEdition = {
  year: 2024,
  name: 'IX Concurso 2024',
  lema: 'Gestión que Transforma la Escuela',
  legalReference: 'RVM 082-2024-MINEDU',
  startDate: '2024-04-01',
  endDate: '2024-11-30',
};

export const sampleCriterion = {
  name: 'Innovación',
  description: 'Acciones innovadoras e intencionadas',
  weight: 30,
  scaleMin: 0,
  scaleMax: 4,
  scaleStep: 1,
};
