/**
 * For parts loaded on demand (dialogs, inspector tabs): mount them the first time they are wanted
 * and keep them mounted after, so their chunk loads only when needed and their state survives.
 */
import { useState } from 'react';

/** True from the first render where `wanted` is true on. */
export function useMountedOnce(wanted: boolean): boolean {
  const [mounted, setMounted] = useState(wanted);
  // Derived state, set during render as React recommends, so the first wanted render mounts it.
  if (wanted && !mounted) setMounted(true);
  return mounted || wanted;
}
