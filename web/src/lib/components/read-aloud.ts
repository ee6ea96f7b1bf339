/**
 * The speech part of ReadAloud.svelte, downloaded on the reader's first reach for the button (it
 * is not first-load JS): picks the readable blocks of an element and queues one utterance each,
 * so long pages are not cut off, in a zh-CN or English voice.
 */
const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,dt,dd,th,td,figcaption,blockquote,summary,caption,legend,label';
const SKIP = '[data-no-read],button,form,nav,script,style,noscript,[aria-hidden="true"],.visually-hidden,.read-aloud';

/** The text of each readable block under `root`, in order, each read once. */
export function blocksOf(root: Element): string[] {
  const texts: string[] = [];
  const picked: Element[] = [];
  for (const el of Array.from(root.querySelectorAll(BLOCKS))) {
    if (el.closest(SKIP)) continue;
    if (picked.some((p) => p.contains(el))) continue;
    // innerText leaves out what is not shown (display: none, elder mode's hidden extras).
    const text = (el as HTMLElement).innerText?.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    picked.push(el);
    texts.push(text);
  }
  return texts;
}

function voiceFor(lang: string): SpeechSynthesisVoice | undefined {
  const voices = speechSynthesis.getVoices();
  const tag = (v: SpeechSynthesisVoice) => v.lang.replace('_', '-').toLowerCase();
  return voices.find((v) => tag(v) === lang.toLowerCase()) ?? voices.find((v) => tag(v).startsWith(lang.slice(0, 2)));
}

/**
 * Reads `root` aloud in `lang` ('zh-CN' or 'en'); `done` is called when the last block has been
 * read or reading failed. Returns false when there was nothing to read.
 */
export function speak(root: Element, lang: string, done: () => void): boolean {
  speechSynthesis.cancel();
  const wanted = lang === 'en' ? 'en-GB' : 'zh-CN';
  const voice = voiceFor(wanted) ?? voiceFor(lang === 'en' ? 'en-US' : 'zh');
  const queue = blocksOf(root).map((text) => {
    const u = new SpeechSynthesisUtterance(text);
    u.lang = voice?.lang ?? wanted;
    if (voice) u.voice = voice;
    u.rate = 0.9;
    u.onerror = (e) => { if (e.error !== 'interrupted' && e.error !== 'canceled') done(); };
    return u;
  });
  if (queue.length === 0) return false;
  queue.at(-1)!.onend = done;
  for (const u of queue) speechSynthesis.speak(u);
  return true;
}
