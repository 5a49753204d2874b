"""Every store test runs against both backends: an SQLite file and a throwaway PostgreSQL.

The PostgreSQL cluster is started once per session from the server binaries under
``/usr/lib/postgresql/*/bin`` (Debian's ``postgresql`` package, which
``scripts/test.sh`` installs when run as root): ``initdb`` into a temporary
folder, listening on a Unix socket in that folder and on 127.0.0.1 at a free
port, stopped and removed at the end. PostgreSQL refuses to run as root, so as
root the folder belongs to the ``postgres`` user and the binaries run through
``runuser``. Each test gets a database of its own.

Without the binaries the PostgreSQL tests are skipped, saying why, except when
the ``CI`` environment variable is set: there they fail, so CI never skips them
silently. ``VEILLE_TEST_POSTGRES=postgresql://USER@HOST/DB`` uses an existing
server instead (a superuser connection; the tests create and drop databases).
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import URL, make_url


@dataclass(frozen=True)
class PostgresServer:
    """A running server, reached as a superuser at ``host`` (a name or a socket folder)."""

    host: str
    port: int
    user: str
    password: str | None = None
    tcp_port: int | None = None  # where ``password_user`` logs in on 127.0.0.1
    password_user: tuple[str, str] = ("veille_pw", "s3cret-pw")  # a role with a password

    def url(self, database: str) -> str:
        """A superuser URL for ``database``, as ``open_store`` takes it."""
        if self.host.startswith("/"):
            return f"postgresql://{self.user}@/{database}?host={self.host}&port={self.port}"
        url = URL.create("postgresql", self.user, self.password, self.host, self.port, database)
        return url.render_as_string(hide_password=False)

    def execute(self, sql: str) -> None:
        """Run one statement as the superuser, outside a transaction."""
        import psycopg

        with psycopg.connect(
            host=self.host, port=self.port, user=self.user, password=self.password,
            dbname="postgres", autocommit=True,
        ) as connection:
            connection.execute(sql)


def _binaries() -> Path | None:
    """The newest Debian server under /usr/lib/postgresql, else initdb's folder on PATH."""
    found = sorted(
        (Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/initdb")),
        key=lambda d: int(d.parent.name) if d.parent.name.isdigit() else 0,
    )
    if not found and shutil.which("initdb"):
        found = [Path(shutil.which("initdb")).resolve().parent]
    return found[-1] if found and (found[-1] / "pg_ctl").exists() else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() not in ("", "0", "false"):
        pytest.fail(f"{reason}; CI is set, so the PostgreSQL tests must run", pytrace=False)
    pytest.skip(f"{reason}: PostgreSQL tests skipped (as root, bash scripts/test.sh installs it)")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    existing = os.environ.get("VEILLE_TEST_POSTGRES")
    if existing:
        url = make_url(existing)
        yield PostgresServer(url.host or "localhost", url.port or 5432, url.username, url.password)
        return
    bindir = _binaries()
    if bindir is None:
        _unavailable("no PostgreSQL server (initdb, pg_ctl) in /usr/lib/postgresql or on PATH")
    as_root = os.geteuid() == 0
    prefix: list[str] = []
    if as_root:
        if shutil.which("runuser") is None:
            _unavailable("running as root without runuser to start PostgreSQL as another user")
        try:
            import pwd

            owner = pwd.getpwnam("postgres")
        except KeyError:
            _unavailable("running as root and there is no 'postgres' user to run the server")
        prefix = ["runuser", "-u", "postgres", "--"]
    # In /tmp: the server's user can reach it, and the socket path stays short (107 bytes at most).
    tmp = "/tmp" if os.path.isdir("/tmp") else None
    home = Path(tempfile.mkdtemp(prefix="veille-pg-", dir=tmp))
    data, log = home / "data", home / "server.log"
    if as_root:
        os.chown(home, owner.pw_uid, owner.pw_gid)
    port = _free_port()

    def run(*command: str) -> None:
        done = subprocess.run([*prefix, *command], capture_output=True, text=True)
        if done.returncode != 0:
            logged = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            output = f"{done.stdout}{done.stderr}{logged}"
            pytest.fail(f"{command[0]} failed ({done.returncode}):\n{output}", pytrace=False)

    options = (
        f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off"
    )
    try:
        run(
            str(bindir / "initdb"), "-D", str(data), "-U", "veille", "-E", "UTF8",
            "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256",
            "--no-instructions",
        )
        run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start")
        server = PostgresServer(str(home), port, "veille", tcp_port=port)
        user, password = server.password_user
        server.execute(f"CREATE ROLE {user} LOGIN CREATEDB PASSWORD '{password}'")
        yield server
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                capture_output=True,
            )
        shutil.rmtree(home, ignore_errors=True)


_databases = itertools.count(1)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, tmp_path) -> Iterator[str]:
    """A store address, empty: an SQLite file path, or a new PostgreSQL database's URL."""
    if request.param == "sqlite":
        yield str(tmp_path / "v.db")
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = f"veille_test_{os.getpid()}_{next(_databases)}"
    server.execute(f"CREATE DATABASE {name}")
    try:
        yield server.url(name)
    finally:
        server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
