// A Map kept to a size: the most recently set entries stay (a Map iterates in insertion order, so the first key is
// the oldest). Used for the process's small caches (decrypted tokens, recent identities, prepared statements).

/** Sets `key` as the newest entry; once the map holds more than `max`, the oldest entry goes. */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as K);
}
