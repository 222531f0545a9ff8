import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** One rule broken on a screen, with where (CSS selectors) and what axe says to fix. */
export interface ScanFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Runs axe-core over the page as it is now (WCAG 2.1 A and AA, and axe's best practices) and
 * returns the serious and critical findings. `within` limits the scan to the parts of the page that
 * match these selectors: what changed since a whole-page scan of the same screen (a dialog, a panel).
 *
 * axe is put into the page once per document rather than before every scan (as `@axe-core/playwright`
 * does): evaluating its half a megabyte of script was most of a small scan's time. The designer has
 * no frames, so scanning the top document is scanning all of it.
 */
export async function seriousAccessibilityFindings(page: Page, within: readonly string[] = []): Promise<ScanFinding[]> {
  for (const selector of within) {
    if ((await page.locator(selector).count()) === 0) throw new Error(`nothing on the page matches ${selector} to scan`);
  }
  // A dialog fading in has, for a moment, fainter text than it shows: wait for animations to end.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    ({ include, tags }) =>
      (window as unknown as { axe: typeof axe }).axe
        .run(include.length > 0 ? { include: include.map((selector) => [selector]) } : document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        })
        .then((results) =>
          results.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, targets: nodes.map((node) => node.target.join(' ')) })),
        ),
    { include: [...within], tags: TAGS },
  );
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ rule: violation.id, impact: violation.impact ?? '', help: violation.help, targets: violation.targets }));
}
