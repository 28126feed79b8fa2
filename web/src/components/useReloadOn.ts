import { useEffect, useRef } from 'react';

/** Calls `reload` whenever `value` changes after the first render (not on mount, where the data is being read already). */
export function useReloadOn(value: unknown, reload: () => void): void {
  const seen = useRef(value);
  useEffect(() => {
    if (Object.is(seen.current, value)) return;
    seen.current = value;
    reload();
  }, [value, reload]);
}
