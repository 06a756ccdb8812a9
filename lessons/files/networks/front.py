"""tutor-front: a tiny public front door that relays what tutor-api answers.

Only this container publishes a port. It reaches tutor-api by name, over the
network they share; tutor-api itself stays out of reach of your host.
"""
import signal
import sys
import os
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

API_URL = os.environ.get("API_URL", "http://tutor-api/")


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        try:
            with urllib.request.urlopen(API_URL, timeout=3) as answer:
                body = "tutor-front relays: " + answer.read().decode()
            status = 200
        except OSError as error:
            body = f"tutor-front cannot reach {API_URL}: {error}\n"
            status = 502
        payload = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


if __name__ == "__main__":
    # Process 1 in a container gets no default signal handling: without this, `docker stop`
    # (and `compose down`) would wait ten seconds and then kill it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"tutor-front: listening on port 8000, relaying {API_URL}")
    ThreadingHTTPServer(("0.0.0.0", 8000), Handler).serve_forever()
