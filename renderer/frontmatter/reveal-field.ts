/**
 * Opens the collapsed groups and list items around a field, so the field can be seen and focused
 * (e.g. when a refused publish puts the cursor in the first invalid field, inside a folded SEO).
 */

/** Expands every hidden ancestor of `element` that a disclosure button controls; true if any was. */
export function revealField(element: HTMLElement): boolean {
  const toggles = Array.from(
    element.ownerDocument.querySelectorAll<HTMLElement>('[aria-controls][aria-expanded="false"]'),
  );
  let opened = false;
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (!node.hidden || node.id === '') continue;
    const toggle = toggles.find((candidate) => candidate.getAttribute('aria-controls') === node.id);
    if (toggle) {
      toggle.click();
      opened = true;
    }
  }
  return opened;
}
