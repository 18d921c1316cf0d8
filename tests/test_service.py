"""`kb serve`: the CLI answers from a running service with the same JSON as in-process."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kb.service import SERVICE_FILE, Service, call_service, find_service


def kb(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], capture_output=True,
                          text=True, timeout=300, env={**os.environ, **env})


def without_timings(data: dict) -> dict:
    return {key: value for key, value in data.items() if key != "took_ms"}


@pytest.fixture(scope="module")
def served(corpus_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A copy of the demo library with `kb serve` running on it; stopped at the end."""
    index = tmp_path_factory.mktemp("served") / "index"
    shutil.copytree(corpus_index, index)
    server = subprocess.Popen([sys.executable, "-m", "kb.cli", "serve", "--index", str(index),
                               "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    assert server.stdout is not None
    ready = json.loads(server.stdout.readline())
    assert ready["address"] == "127.0.0.1" and ready["pid"] == server.pid
    yield index
    server.send_signal(signal.SIGTERM)
    server.wait(30)
    assert not (index / SERVICE_FILE).exists()  # a stopped service leaves no trace


def test_served_commands_give_the_same_json_as_in_process(served: Path) -> None:
    assert find_service(served) is not None
    assert oct((served / SERVICE_FILE).stat().st_mode & 0o777) == "0o600"
    for args in (["search", "professional curiosity", "--k", "5"],
                 ["check", "The CP plan rate rose to 51.7 per 10,000 in 2021-22."],
                 ["docs"]):
        warm = kb(*args, "--index", str(served), "--json")
        cold = kb(*args, "--index", str(served), "--json", KB_SERVICE="off")
        assert warm.returncode == cold.returncode == 0, (warm.stderr, cold.stderr)
        assert without_timings(json.loads(warm.stdout)) == without_timings(
            json.loads(cold.stdout)), args


def test_a_service_error_is_a_one_line_user_error(served: Path) -> None:
    done = kb("reuse", "--between", "no-such-doc", "annual-report-2021-22", "--index",
              str(served))
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "no document 'no-such-doc'" in done.stderr


def test_the_service_refuses_a_caller_without_the_token(served: Path) -> None:
    service = find_service(served)
    assert service is not None
    from kb.service import RemoteError

    with pytest.raises(RemoteError, match="token"):
        call_service(Service(service.port, service.pid, "guess"), "docs", {})


def test_a_second_service_on_the_same_index_is_refused(served: Path) -> None:
    done = kb("serve", "--index", str(served))
    assert done.returncode == 1 and "already served" in done.stderr


def test_a_stale_service_file_falls_back_to_loading_in_process(corpus_index: Path,
                                                               tmp_path: Path) -> None:
    index = tmp_path / "index"
    shutil.copytree(corpus_index, index)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (index / SERVICE_FILE).write_text(json.dumps({"port": 9, "pid": dead.pid, "token": "x"}))
    assert find_service(index) is None
    done = kb("docs", "--index", str(index), "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["documents"], done.stderr
