// Page checks shared by the screen specs: axe (serious/critical, with WCAG 2.2 target-size on), phone tap
// targets, horizontal overflow.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** Smallest comfortable touch target on a phone (WCAG 2.5.5 asks 44 px; 40 px with spacing is our floor). */
export const MIN_TAP_PX = 40;

export async function seriousAxeViolations(page: Page) {
  // target-size (WCAG 2.2 AA 2.5.8: 24 px, or enough space around) is off by default in axe-core 4.x.
  const results = await new AxeBuilder({ page }).options({ rules: { 'target-size': { enabled: true } } }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

/**
 * Visible controls smaller than a thumb: buttons, form fields and links styled as controls (nav items, buttons).
 * Text links (display: inline, in a sentence, a heading or a list) are sized by their text; axe's
 * target-size rule checks those against WCAG 2.5.8.
 */
export async function smallTapTargets(page: Page, min: number) {
  return page.evaluate((min) => {
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea')) {
      // A checkbox or radio is tapped through its label too (clicking the label toggles it): the label is the target.
      const input = el as HTMLInputElement;
      const label = el.tagName === 'INPUT' && (input.type === 'checkbox' || input.type === 'radio') ? (input.labels?.[0] ?? null) : null;
      const r = (label ?? el).getBoundingClientRect();
      const style = getComputedStyle(el);
      // Visually hidden until focused (the skip link) or not shown at all.
      if (r.width <= 1 || r.height <= 1 || style.visibility === 'hidden') continue;
      if (el.tagName === 'A' && style.display === 'inline') continue;
      if (r.height < min)
        small.push(
          `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || el.getAttribute('name') || '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
        );
    }
    return small;
  }, min);
}

/** How many pixels the page is wider than the viewport (> 0 means sideways scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
