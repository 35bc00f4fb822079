import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
// Evaluated rather than added as a <script>: the app's CSP forbids inline scripts, and
// the test must not switch the CSP off to run.
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

// Runs in the page, as a string: the node tsconfig has no DOM types, and axe is a page global.
const RUN_AXE = `(async () => {
  const result = await window.axe.run(document, { resultTypes: ['violations'] });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
})()`;

/**
 * axe-core's violations on the page as it is now, of every impact: a moderate or minor finding
 * (a repeated landmark name, a heading skipped) is as real for the person it affects.
 */
export async function a11yViolations(page: Page): Promise<Violation[]> {
  const loaded = await page.evaluate('typeof window.axe !== "undefined"');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return (await page.evaluate(RUN_AXE)) as Violation[];
}

/** Readable failure text: which rule, what it means, where. */
export function describeViolations(screen: string, violations: Violation[]): string {
  return violations.map((v) => `${screen}: [${v.impact}] ${v.id} — ${v.help}\n    ${v.targets.join('\n    ')}`).join('\n');
}
