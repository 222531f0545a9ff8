import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** One rule broken on a screen, with where (CSS selectors) and what axe says to fix. */
export interface ScanFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core over the page as it is now (WCAG 2.1 A and AA, and axe's best practices) and
 * returns the serious and critical findings.
 */
export async function seriousAccessibilityFindings(page: Page): Promise<ScanFinding[]> {
  // A dialog fading in has, for a moment, fainter text than it shows: wait for animations to end.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}
