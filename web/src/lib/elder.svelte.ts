/**
 * Elder mode (长辈模式): larger type, stronger contrast, bigger targets, fewer words and one main
 * action per screen. Remembered in localStorage and shown as the `elder` class on <html>; the
 * tiny script in app.html applies it before the first paint, so the page never flashes small.
 *
 * Pages opt in with class names only (see app.css, "Elder mode"):
 * - `elder-hide`: extra words or secondary tools that elder mode leaves out;
 * - `elder-primary`: the one main action of the screen (shown first and larger);
 * - `elder-only`: shown only in elder mode (a shorter sentence, say).
 */
export const ELDER_KEY = 'gongzhi.elder';
export const ELDER_CLASS = 'elder';

let on = $state(false);

export const elder = {
  get on(): boolean {
    return on;
  },
};

/** Called once after hydration: the class was set before paint by app.html; mirror it in the rune. */
export function restoreElder(): void {
  on = document.documentElement.classList.contains(ELDER_CLASS);
}

export function setElder(value: boolean): void {
  on = value;
  document.documentElement.classList.toggle(ELDER_CLASS, value);
  try {
    if (value) localStorage.setItem(ELDER_KEY, '1');
    else localStorage.removeItem(ELDER_KEY);
  } catch {
    // Private mode may refuse storage; the switch still works for this visit.
  }
}
