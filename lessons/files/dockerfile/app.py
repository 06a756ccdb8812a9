"""A tiny web app for the docker-tutor "Dockerfile" lesson.

It uses Python's standard library only, so its image builds without any network access.

    python app.py                          serve the page on port 8000 (or $PORT)
    python app.py --export site/index.html  write the page to a file and exit
"""

import getpass
import html
import os
import platform
import signal
import socket
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GREETING = os.environ.get("GREETING", "Hello from a Python app in a container!")
PORT = int(os.environ.get("PORT", "8000"))


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return f"uid {os.getuid()}"


def render(origin: str) -> str:
    """The whole page, as HTML; `origin` says where it was produced."""
    return f"""<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>tutor-pyapp</title></head>
<body>
  <h1>{html.escape(GREETING)}</h1>
  <p>{html.escape(origin)}</p>
  <p>Python {platform.python_version()}</p>
</body>
</html>
"""


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/health":
            self.reply(200, "text/plain", "ok\n")
        elif self.path == "/":
            origin = f"Served live by host {socket.gethostname()}, running as user {current_user()}."
            self.reply(200, "text/html; charset=utf-8", render(origin))
        else:
            self.reply(404, "text/plain", "not found\n")

    def reply(self, status: int, content_type: str, body: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def export(path: str) -> None:
    directory = os.path.dirname(path)
    if directory:
        os.makedirs(directory, exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(render("Exported at build time: a static copy of the page."))
    print(f"Wrote {path}")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--export":
        export(sys.argv[2])
        return
    # In a container this program is process 1, which gets no default signal handling:
    # without this line, `docker stop` would wait ten seconds and then kill it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server = ThreadingHTTPServer(("0.0.0.0", PORT), Handler)
    print(f"Listening on port {PORT}", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
        print("Stopped", flush=True)


if __name__ == "__main__":
    main()
