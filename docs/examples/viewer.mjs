// Baton, read-only: prints the show on connect and on every change. npm install socket.io-client
import { io } from 'socket.io-client';
const socket = io(process.argv[2] ?? 'http://127.0.0.1:4310');
const show = (m) => console.log(m.revision, m.live.phase, m.now?.itemTitle ?? '-', '->', m.next?.itemTitle ?? '-');
socket.on('show:snapshot', show);
socket.on('show:state', show);
socket.on('connect_error', (error) => console.error(`refused: ${error.message}`));
