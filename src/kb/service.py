"""A warm library for the CLI: `kb serve` keeps one KnowledgeBase open and answers on loopback.

The server writes `<index>/service.json` (port, pid and a random token, readable by its owner
only) and removes it when it stops. The CLI reads that file and sends each read command there;
when no service answers it opens the library itself. Both ways run `execute`, so a command's
JSON is the same whichever way it was answered. Set KB_SERVICE=off to never use a service.
"""

from __future__ import annotations

import hmac
import http.client
import json
import os
import secrets
import signal
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kb.errors import InvalidInput, KBError

if TYPE_CHECKING:
    from kb.knowledge_base import KnowledgeBase
    from kb.settings import Settings

SERVICE_FILE = "service.json"
SERVED = frozenset({"search", "ask", "check", "reuse", "themes", "docs"})
MAX_REQUEST_BYTES = 64 * 1024 * 1024
CALL_TIMEOUT_S = 600.0


class RemoteError(KBError):
    """A KBError raised inside the service, carried back with its one-line message."""


@dataclass(frozen=True)
class Service:
    port: int
    pid: int
    token: str


def execute(kb: KnowledgeBase, command: str, args: dict[str, Any], progress: Any = None
            ) -> dict[str, Any]:
    """Run one read command on an open library; the JSON the CLI prints for it. `progress`
    is drawn for a long reuse draft when the caller runs in-process."""
    restricted = bool(args.get("include_restricted", False))
    result: Any
    if command == "search":
        result = kb.search(args["query"], k=int(args.get("k", 10)), period=args.get("period"),
                           doc_type=args.get("doc_type"), mode=args.get("mode", "hybrid"),
                           include_restricted=restricted)
    elif command == "ask":
        result = kb.ask(args["question"], k=int(args.get("k", 5)), include_restricted=restricted)
    elif command == "check":
        result = kb.check(args["claim"], include_restricted=restricted)
    elif command == "reuse" and args.get("between"):
        first, second = args["between"]
        result = kb.reuse_between(first, second, include_restricted=restricted)
    elif command == "reuse":
        result = kb.reuse(args["text"], include_restricted=restricted, progress=progress)
    elif command == "themes":
        result = kb.themes(list(args["terms"]), include_restricted=restricted)
    elif command == "docs":
        result = {"documents": [d.to_dict() for d in kb.documents(restricted)]}
    else:
        raise InvalidInput(f"`kb {command}` is not one the service answers")
    return result.to_dict() if hasattr(result, "to_dict") else result


# the client side: kept to the standard library so a served command starts fast

def find_service(index_dir: Path) -> Service | None:
    """The service running for `index_dir`, or None (none started, stopped, or switched off)."""
    if os.environ.get("KB_SERVICE", "").lower() in {"off", "0", "no"}:
        return None
    service = _read(Path(index_dir) / SERVICE_FILE)
    return service if service is not None and _alive(service.pid) else None


def _read(path: Path) -> Service | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Service(int(data["port"]), int(data["pid"]), str(data["token"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def call_service(service: Service, command: str, args: dict[str, Any]) -> dict[str, Any] | None:
    """The command's JSON from the service; None when it cannot be reached (load in-process)."""
    body = json.dumps({"command": command, "args": args}).encode()
    connection = http.client.HTTPConnection("127.0.0.1", service.port, timeout=CALL_TIMEOUT_S)
    try:
        connection.request("POST", "/call", body=body, headers={
            "Content-Type": "application/json", "Authorization": f"Bearer {service.token}"})
        response = connection.getresponse()
        payload = json.loads(response.read())
    except (OSError, http.client.HTTPException, ValueError):
        return None
    finally:
        connection.close()
    if "error" in payload:
        raise RemoteError(str(payload["error"]))
    return payload.get("result") if response.status == 200 else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# the server side

class _Server(HTTPServer):
    kb: KnowledgeBase
    token: str


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if self.path == "/health":
            self._send(200, {"ok": True, "pid": os.getpid()})
        else:
            self._send(404, {"error": "not found"})

    def do_POST(self) -> None:  # noqa: N802
        expected = f"Bearer {self.server.token}"
        if not hmac.compare_digest(self.headers.get("Authorization", ""), expected):
            self._send(403, {"error": "wrong or missing token"})
            return
        length = int(self.headers.get("Content-Length") or 0)
        if self.path != "/call" or not 0 < length <= MAX_REQUEST_BYTES:
            self._send(400, {"error": "POST /call with a JSON body"})
            return
        try:
            request = json.loads(self.rfile.read(length))
            data = execute(self.server.kb, str(request["command"]), dict(request.get("args", {})))
        except KBError as error:
            self._send(200, {"error": str(error).splitlines()[0] if str(error) else
                             type(error).__name__})
            return
        except (ValueError, KeyError, TypeError) as error:
            self._send(400, {"error": f"bad request: {type(error).__name__}"})
            return
        self._send(200, {"result": data})

    def _send(self, status: int, payload: dict[str, Any]) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Quiet: requests carry queries and drafts, which may name children."""


def serve(settings: Settings, port: int = 0,
          ready: Callable[[Service], None] | None = None) -> None:
    """Hold the library at settings.index_dir open and answer on 127.0.0.1 until stopped."""
    from kb.knowledge_base import KnowledgeBase

    index_dir = Path(settings.index_dir).resolve()
    running = _read(index_dir / SERVICE_FILE)
    if running is not None and _alive(running.pid):
        raise InvalidInput(f"{index_dir} is already served by process {running.pid} on port "
                           f"{running.port}: stop it first")
    with KnowledgeBase.open(settings=settings, create=False) as kb:
        kb.search("warm up", k=1)  # the model, the FAISS file and the vocabulary load now
        server = _Server(("127.0.0.1", port), _Handler)
        server.kb, server.token = kb, secrets.token_urlsafe(24)
        service = Service(server.server_address[1], os.getpid(), server.token)
        path = index_dir / SERVICE_FILE
        _write_private(path, {"port": service.port, "pid": service.pid, "token": service.token})
        previous = signal.signal(signal.SIGTERM, _interrupt)
        try:
            if ready:
                ready(service)
            server.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGTERM, previous)
            server.server_close()
            if _read(path) == service:
                path.unlink(missing_ok=True)


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _write_private(path: Path, data: dict[str, Any]) -> None:
    """Write JSON readable by this user only: the token is what lets a caller in."""
    partial = path.with_name(path.name + ".part")
    partial.unlink(missing_ok=True)
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(data, handle)
    os.replace(partial, path)
