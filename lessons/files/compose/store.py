"""The store service: keeps a visit counter and a message in /data, the named volume."""
import signal
import sys
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DATA = Path("/data")
VISITS = DATA / "visits.txt"
MESSAGE = DATA / "message.txt"
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        with lock:
            visits = int(VISITS.read_text() or "0") if VISITS.exists() else 0
            visits += 1
            VISITS.write_text(str(visits))
        message = MESSAGE.read_text().strip() if MESSAGE.exists() else "none yet"
        payload = json.dumps(
            {"message": message, "visits": visits, "replica": socket.gethostname()}
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


if __name__ == "__main__":
    # Process 1 in a container gets no default signal handling: without this, `docker stop`
    # (and `compose down`) would wait ten seconds and then kill it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    DATA.mkdir(exist_ok=True)
    print("store: listening on port 9000, keeping data in /data")
    ThreadingHTTPServer(("0.0.0.0", 9000), Handler).serve_forever()
