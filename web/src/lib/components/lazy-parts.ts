/**
 * The whole page at once: parts that wait for the reader to scroll near them (LazyPart
 * when="visible") all load when someone needs the whole page, and from then on every such part
 * loads as soon as it appears, on this page and the next ones. Who needs it: someone moving with
 * the keyboard (their first key), printing, or reading aloud (ReadAloud waits for the parts before
 * it starts). Browser tests ask for it with the same event.
 */
export const WHOLE_PAGE_EVENT = 'gongzhi:whole-page';

let whole = false;
if (typeof window !== 'undefined') {
  addEventListener(WHOLE_PAGE_EVENT, () => { whole = true; });
  const ask = () => revealWholePage();
  addEventListener('keydown', ask, { once: true });
  addEventListener('beforeprint', ask, { once: true });
}

/** Whether the whole page has been asked for (then a part loads the moment it appears). */
export const wantsWholePage = (): boolean => whole;

export function revealWholePage(): void {
  if (!whole) dispatchEvent(new Event(WHOLE_PAGE_EVENT));
}

/** Runs `then` when the whole page is asked for; answers the function that stops listening. */
export function onWholePage(then: () => void): () => void {
  addEventListener(WHOLE_PAGE_EVENT, then);
  return () => removeEventListener(WHOLE_PAGE_EVENT, then);
}

/** Asks for the whole page and resolves once no part under `root` is still waiting (or after `ms`). */
export async function loadWholePage(root: ParentNode = document, ms = 5000): Promise<void> {
  revealWholePage();
  const until = Date.now() + ms;
  while (root.querySelector('.lazy-slot') && Date.now() < until) await new Promise((ok) => setTimeout(ok, 50));
}
