'use client';
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** False in the server render and until React has hydrated this tree in the browser, then true. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
