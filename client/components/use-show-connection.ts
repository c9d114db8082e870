import { useEffect } from 'react';
import { connect, type ConnectOptions } from '../socket';

/** Connect this page to the show (as a viewer unless a PIN is given). */
export function useShowConnection(opts: ConnectOptions = {}): void {
  const { pin, label } = opts;
  useEffect(() => {
    connect({ ...(pin ? { pin } : {}), ...(label ? { label } : {}) });
  }, [pin, label]);
}
