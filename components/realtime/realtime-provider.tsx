'use client';
// One Socket.IO connection per tab while signed in. Account events keep the page honest: a role change
// re-renders at once, a suspension signs the person out.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/realtime/events';

export type AppClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const SocketContext = createContext<AppClientSocket | null>(null);

export function useSocket() {
  return useContext(SocketContext);
}

export function RealtimeProvider({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  const router = useRouter();
  const [socket, setSocket] = useState<AppClientSocket | null>(null);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (!signedIn) return;
    const s: AppClientSocket = io({ transports: ['websocket'], withCredentials: true });
    s.on('connect', () => setConnected(true));
    s.on('account:changed', () => router.refresh());
    s.on('account:suspended', () => void signOut({ callbackUrl: '/signin?error=suspended' }));
    s.on('disconnect', (reason) => {
      setConnected(false);
      // The server cut us off (ban, signed out elsewhere): re-render as the server now sees us.
      if (reason === 'io server disconnect') router.refresh();
    });
    setSocket(s);
    return () => {
      s.close();
      setSocket(null);
      setConnected(false);
    };
  }, [signedIn, router]);

  return (
    <SocketContext.Provider value={socket}>
      <div data-testid="realtime" data-connected={connected ? 'yes' : 'no'} className="contents">
        {children}
      </div>
    </SocketContext.Provider>
  );
}
