import { tick } from 'svelte';

/** After a refused submit, move focus to the first field marked invalid, so its error is read out. */
export async function focusFirstInvalid(form: EventTarget | null): Promise<void> {
  await tick();
  (form as HTMLElement | null)?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
