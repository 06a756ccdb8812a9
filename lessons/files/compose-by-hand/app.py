"""The web service: a greeting, and the visit count that the counter service keeps."""
import html
import os
import signal
import socket
import sys
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

VERSION = "1"
GREETING = os.environ.get("GREETING", "Hello")
COUNTER_URL = os.environ.get("COUNTER_URL", "http://counter:9000/")


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        try:
            with urllib.request.urlopen(COUNTER_URL, timeout=3) as answer:
                line = f"Visits: {answer.read().decode().strip()}"
            status = 200
        except OSError as error:
            line = f"The counter is not answering: {error}"
            status = 503
        body = (
            f"<h1>{html.escape(GREETING)}</h1>\n"
            f"<p>{html.escape(line)}</p>\n"
            f"<p>Served by {html.escape(socket.gethostname())}, version {VERSION}</p>\n"
        ).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    # Process 1 in a container gets no default signal handling: without this, `docker compose down`
    # would wait ten seconds and then kill it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"web: version {VERSION}, listening on port 8000, counting with {COUNTER_URL}", flush=True)
    ThreadingHTTPServer(("0.0.0.0", 8000), Handler).serve_forever()
