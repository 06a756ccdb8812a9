"""The web service: shows a page built from what the store service answers."""
import signal
import sys
import html
import json
import os
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GREETING = os.environ.get("GREETING", "Hello")
STORE_URL = os.environ.get("STORE_URL", "http://store:9000")


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        try:
            with urllib.request.urlopen(STORE_URL, timeout=3) as answer:
                data = json.load(answer)
            status = 200
            body = (
                f"<h1>{html.escape(GREETING)}</h1>\n"
                f"<p>Message: {html.escape(data['message'])}</p>\n"
                f"<p>Visits: {data['visits']}</p>\n"
                f"<p>Answered by store container: {html.escape(data['replica'])}</p>\n"
            )
        except OSError as error:
            status = 503
            body = f"<h1>{html.escape(GREETING)}</h1>\n<p>The store is not answering: {html.escape(str(error))}</p>\n"
        payload = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


if __name__ == "__main__":
    # Process 1 in a container gets no default signal handling: without this, `docker stop`
    # (and `compose down`) would wait ten seconds and then kill it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"web: listening on port 8000, asking {STORE_URL}")
    ThreadingHTTPServer(("0.0.0.0", 8000), Handler).serve_forever()
