// Questions not yet acknowledged by the server, kept in localStorage so a reload or a dropped connection
// loses nothing: they are resent (same client id, so the server stores each once) after every (re)join.
export type OutboxItem = { id: string; discussionId: string; body: string; anonymous: boolean; contentWarning: string | null; queuedAt: number };

const key = (discussionId: string) => `fireside:outbox:${discussionId}`;

export function readOutbox(storage: Pick<Storage, 'getItem'>, discussionId: string): OutboxItem[] {
  try {
    const items = JSON.parse(storage.getItem(key(discussionId)) ?? '[]');
    return Array.isArray(items) ? items.filter((i) => i && typeof i.id === 'string' && typeof i.body === 'string') : [];
  } catch {
    return [];
  }
}

function write(storage: Pick<Storage, 'setItem' | 'removeItem'>, discussionId: string, items: OutboxItem[]) {
  if (items.length === 0) storage.removeItem(key(discussionId));
  else storage.setItem(key(discussionId), JSON.stringify(items));
}

export function addToOutbox(storage: Storage, item: OutboxItem): OutboxItem[] {
  const items = readOutbox(storage, item.discussionId).filter((i) => i.id !== item.id);
  items.push(item);
  write(storage, item.discussionId, items);
  return items;
}

export function removeFromOutbox(storage: Storage, discussionId: string, id: string): OutboxItem[] {
  const items = readOutbox(storage, discussionId).filter((i) => i.id !== id);
  write(storage, discussionId, items);
  return items;
}
