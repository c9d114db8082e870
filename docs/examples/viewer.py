# Baton, read-only: prints the show on connect and on every change. Debian: apt install python3-socketio python3-websocket
import sys
import socketio
sio = socketio.Client()
def show(m):
    print(m['revision'], m['live']['phase'], (m['now'] or {}).get('itemTitle', '-'), '->', (m['next'] or {}).get('itemTitle', '-'), flush=True)
sio.on('show:snapshot', show)
sio.on('show:state', show)
sio.connect(sys.argv[1] if len(sys.argv) > 1 else 'http://127.0.0.1:4310', transports=['websocket'])
sio.wait()
