'use client';
import { useRouter } from 'next/navigation';
// One Socket.IO connection per tab while signed in. Account events keep the page honest: a role change
// re-renders at once, a suspension signs the person out.
// socket.io-client and next-auth's client are loaded when needed (signed in; suspended), not with the page: the
// layout is on every page, and the room renders its first state before the socket is up anyway.
import { createContext, type ReactNode, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/realtime/events';

export type AppClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type RealtimeValue = { socket: AppClientSocket | null; connected: boolean };
const SocketContext = createContext<RealtimeValue>({ socket: null, connected: false });

export function useSocket() {
  return useContext(SocketContext).socket;
}

/** The tab's socket and whether it is connected right now (for connection indicators). */
export function useRealtime() {
  return useContext(SocketContext);
}

// The same socket for components rendered outside the provider (the header's notification bell).
let currentSocket: AppClientSocket | null = null;
const socketListeners = new Set<() => void>();
function publishSocket(s: AppClientSocket | null) {
  currentSocket = s;
  for (const l of socketListeners) l();
}
const subscribeSocket = (l: () => void) => {
  socketListeners.add(l);
  return () => void socketListeners.delete(l);
};

/** The tab's socket from anywhere in the page, inside the provider or not (null until connected/signed in). */
export function useRealtimeSocket(): AppClientSocket | null {
  return useSyncExternalStore(
    subscribeSocket,
    () => currentSocket,
    () => null,
  );
}

export function RealtimeProvider({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  const router = useRouter();
  const [socket, setSocket] = useState<AppClientSocket | null>(null);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (!signedIn) return;
    let s: AppClientSocket | null = null;
    let stopped = false;
    void import('socket.io-client').then(({ io }) => {
      if (stopped) return;
      const socket: AppClientSocket = io({ transports: ['websocket'], withCredentials: true });
      socket.on('connect', () => setConnected(true));
      socket.on('account:changed', () => router.refresh());
      socket.on('account:suspended', () => void import('next-auth/react').then(({ signOut }) => signOut({ callbackUrl: '/signin?error=suspended' })));
      socket.on('disconnect', (reason) => {
        setConnected(false);
        // The server cut us off (ban, role lowered, signed out elsewhere): re-render as the server now sees us and
        // try again; a session that is no longer valid is refused at the handshake and stays disconnected.
        if (reason === 'io server disconnect') {
          router.refresh();
          setTimeout(() => socket.connect(), 500);
        }
      });
      s = socket;
      setSocket(socket);
      publishSocket(socket);
    });
    return () => {
      stopped = true;
      if (!s) return;
      s.close();
      publishSocket(null);
      setSocket(null);
      setConnected(false);
    };
  }, [signedIn, router]);

  return (
    <SocketContext.Provider value={{ socket, connected }}>
      <div data-testid="realtime" data-connected={connected ? 'yes' : 'no'} className="contents">
        {children}
      </div>
    </SocketContext.Provider>
  );
}
