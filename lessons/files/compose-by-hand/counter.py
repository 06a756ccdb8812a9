"""The counter service: counts visits in /data/visits.txt. `python counter.py --check` is its healthcheck."""
import signal
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

VISITS = Path("/data/visits.txt")
lock = threading.Lock()


def check() -> int:
    """Exit code 0 when the counter answers on /health, 1 when it does not (yet)."""
    try:
        with urllib.request.urlopen("http://localhost:9000/health", timeout=2) as answer:
            return 0 if answer.status == 200 else 1
    except OSError:
        return 1


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/health":
            body = b"ok\n"
        else:
            with lock:
                visits = int(VISITS.read_text() or "0") if VISITS.exists() else 0
                visits += 1
                VISITS.write_text(str(visits))
            body = f"{visits}\n".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass  # healthchecks would fill the logs


if __name__ == "__main__":
    if "--check" in sys.argv:
        sys.exit(check())
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    VISITS.parent.mkdir(parents=True, exist_ok=True)
    print("counter: warming up", flush=True)
    time.sleep(1)  # like a database loading its files: running, but not ready yet
    print("counter: listening on port 9000, counting in /data/visits.txt", flush=True)
    ThreadingHTTPServer(("0.0.0.0", 9000), Handler).serve_forever()
