/**
 * Narrow windows: below 1200 px the inspector, and below 900 px the library too, float over the
 * page as overlays (workspace.css) instead of squeezing it. Such a pane starts closed; its rail
 * button opens it, and Escape, a click on the page or opening a post from the library closes it.
 * Widening the window puts each pane back as it was before the window became narrow.
 */
import { useEffect, useRef } from 'react';
import { useWorkspaceStore } from './WorkspaceContext';

/** Window widths (CSS px) below which a pane becomes an overlay; workspace.css uses the same numbers. */
export const OVERLAY_BELOW = { inspector: 1200, library: 900 } as const;

type Pane = keyof typeof OVERLAY_BELOW;

const query = (pane: Pane): string => `(max-width: ${OVERLAY_BELOW[pane] - 0.02}px)`;

/** True when `pane` is shown as an overlay at the current window width. */
export function isOverlay(pane: Pane): boolean {
  return (
    typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query(pane)).matches
  );
}

/** Installs the overlay behaviour for both side panes; call once in the workspace. */
export function useNarrowPanes(): void {
  const store = useWorkspaceStore();
  // Whether each pane was open in the wide layout, kept while the window is narrow.
  const wideOpen = useRef<Record<Pane, boolean | null>>({ library: null, inspector: null });

  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const dispatch = store.dispatch;
    const isOpen = (pane: Pane): boolean =>
      pane === 'library' ? store.getState().libraryOpen : store.getState().inspectorOpen;
    const toggle = (pane: Pane): void => dispatch({ type: pane === 'library' ? 'toggle-library' : 'toggle-inspector' });
    const cleanups = (['library', 'inspector'] as const).map((pane) => {
      const media = window.matchMedia(query(pane));
      const apply = (): void => {
        if (media.matches && wideOpen.current[pane] === null) {
          wideOpen.current[pane] = isOpen(pane);
          if (isOpen(pane)) toggle(pane);
        } else if (!media.matches && wideOpen.current[pane] !== null) {
          if (wideOpen.current[pane] !== isOpen(pane)) toggle(pane);
          wideOpen.current[pane] = null;
        }
      };
      apply();
      media.addEventListener('change', apply);
      return () => media.removeEventListener('change', apply);
    });

    const closeOverlays = (except: Element | null): boolean => {
      let closed = false;
      for (const pane of ['library', 'inspector'] as const) {
        const element = document.getElementById(pane);
        if (isOpen(pane) && isOverlay(pane) && element && !element.contains(except)) {
          toggle(pane);
          closed = true;
        }
      }
      return closed;
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const pane = (document.activeElement?.closest('[data-pane]')?.getAttribute('data-pane') ?? '') as Pane | '';
      if (pane !== 'library' && pane !== 'inspector') return;
      if (!isOpen(pane) || !isOverlay(pane)) return;
      // A dialog or menu inside the pane closes first (it prevents default); then the pane itself.
      if (document.activeElement?.closest('dialog, [role="menu"], [role="listbox"]')) return;
      event.preventDefault();
      toggle(pane);
      // Focus goes back to the rail button that opened it.
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-pane="${pane}"] button`)?.focus());
    };
    const onPointerDown = (event: PointerEvent): void => {
      const target = event.target as Element | null;
      if (target?.closest('#page')) closeOverlays(target);
    };
    // A post chosen in the overlaid library opens in the page the library was covering: step aside.
    let openedPath = store.getState().post?.doc.path ?? null;
    const unsubscribe = store.subscribe(() => {
      const path = store.getState().post?.doc.path ?? null;
      if (path === openedPath) return;
      openedPath = path;
      if (path !== null && isOpen('library') && isOverlay('library')) toggle('library');
    });
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      unsubscribe();
      cleanups.forEach((cleanup) => cleanup());
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [store]);
}
