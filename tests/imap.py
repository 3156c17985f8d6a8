"""A real IMAP server for tests: Debian's dovecot (`make system-deps` installs dovecot-imapd),
run in the foreground on a free loopback port, with its configuration, one user (passwd-file)
and a Maildir in a folder of its own: plain IMAP (`imap_server`), or TLS only with a certificate
made for it (`imap_tls_server`). Loopback only.

Registered for the whole project by `pytest_plugins` in the root conftest.py. The `imap_server`
fixture points settings.REDRESS_MAILBOX at it; tests put messages in with `deliver` (IMAP APPEND)
and read the folders back with `count` and `messages`. `kill` stops it abruptly (a crash, a
dropped connection), `start` brings it back on the same port with the same mail.
"""

import contextlib
import getpass
import imaplib
import os
import pwd
import re
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

DOVECOT = Path("/usr/sbin/dovecot")
USER = "complaints"
PASSWORD = "not-a-secret"
HOST = "127.0.0.1"

CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
instance_name = redress-test-{port}
protocols = imap
listen = {host}
{ssl}
disable_plaintext_auth = no
auth_mechanisms = plain
log_path = {root}/dovecot.log
default_internal_user = {internal_user}
default_internal_group = {internal_group}
default_login_user = {login_user}
first_valid_uid = {uid}
first_valid_gid = {gid}
mail_location = maildir:{root}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/mail/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = {host}
    port = {port}
  }}
  inet_listener imaps {{
    address = {host}
    port = {tls_port}
    ssl = yes
  }}
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _users() -> dict[str, Any]:
    """Dovecot refuses to run its login processes or mail access as root: as root, use the
    users Debian's package creates (dovecot, dovenull); otherwise, the user running the tests."""
    if os.geteuid() != 0:
        me = pwd.getpwnam(getpass.getuser())
        return {"internal_user": me.pw_name, "internal_group": me.pw_gid, "login_user": me.pw_name,
                "uid": me.pw_uid, "gid": me.pw_gid}  # fmt: skip
    try:
        mail, login = pwd.getpwnam("dovecot"), pwd.getpwnam("dovenull")
    except KeyError:
        pytest.fail("The dovecot users are missing: run `make system-deps`", pytrace=False)
    return {"internal_user": "dovecot", "internal_group": "dovecot", "login_user": login.pw_name,
            "uid": mail.pw_uid, "gid": mail.pw_gid}  # fmt: skip


# With TLS: a certificate of its own for 127.0.0.1 (the client trusts it through CA_FILE), and
# no sign-in before STARTTLS on the plain port.
TLS = """\
ssl = required
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem"""


def _certificate(root: Path) -> None:
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", str(root / "key.pem"), "-out", str(root / "cert.pem"), "-subj", "/CN=localhost",
         "-addext", f"subjectAltName=IP:{HOST},DNS:localhost"],
        check=True, capture_output=True,
    )  # fmt: skip


class ImapServer:
    def __init__(self, root: Path, port: int, *, tls: bool = False) -> None:
        self.root, self.port, self.host = root, port, HOST
        self.tls_port = free_port() if tls else 0  # IMAPS; the plain port offers STARTTLS
        self.process: subprocess.Popen[bytes] | None = None
        users = _users()
        for folder in ("run", "state", "mail"):
            (root / folder).mkdir()
        if tls:
            _certificate(root)
        ssl_settings = TLS.format(root=root) if tls else "ssl = no"
        (root / "dovecot.conf").write_text(
            CONFIG.format(root=root, port=port, host=HOST, tls_port=self.tls_port, ssl=ssl_settings,
                          **users)
        )  # fmt: skip
        (root / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
        if os.geteuid() == 0:  # the mail processes run as the dovecot user
            for path in [root, *root.rglob("*")]:
                os.chown(path, users["uid"], users["gid"])

    def settings(self, **overrides: Any) -> dict[str, Any]:
        """A REDRESS_MAILBOX for this server (IMAPS, trusting its certificate, when it has TLS)."""
        secure = {"TLS": "ssl", "PORT": self.tls_port, "CA_FILE": str(self.root / "cert.pem")}
        return {"HOST": self.host, "PORT": self.port, "TLS": "none", "USER": USER,
                "PASSWORD": PASSWORD, "FOLDER": "INBOX", "DONE_FOLDER": "Redress", "CA_FILE": "",
                **(secure if self.tls_port else {}), **overrides}  # fmt: skip

    def start(self, timeout: float = 15) -> None:
        (self.root / "run" / "master.pid").unlink(missing_ok=True)
        self.process = subprocess.Popen(
            [str(DOVECOT), "-F", "-c", str(self.root / "dovecot.conf")],
            stdout=subprocess.DEVNULL,
            stderr=(self.root / "stderr.log").open("ab"),
            start_new_session=True,  # its own process group, so `kill` takes its children too
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            with contextlib.suppress(OSError), socket.create_connection((HOST, self.port), 1) as s:
                if s.recv(100).startswith(b"* OK"):
                    return
            time.sleep(0.05)
        self.kill()
        pytest.fail(f"dovecot did not start on port {self.port}:\n{self.log()}", pytrace=False)

    def kill(self) -> None:
        """Stop at once, as a crash or a dropped network would: open connections are cut."""
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)
            self.process = None

    def log(self) -> str:
        logs = [self.root / "dovecot.log", self.root / "stderr.log"]
        return "\n".join(path.read_text(errors="replace")[-3000:] for path in logs if path.exists())

    @contextlib.contextmanager
    def client(self) -> Iterator[imaplib.IMAP4]:
        connection = imaplib.IMAP4(self.host, self.port, timeout=10)
        if self.tls_port:
            connection.starttls(ssl.create_default_context(cafile=self.root / "cert.pem"))
        connection.login(USER, PASSWORD)
        try:
            yield connection
        finally:
            with contextlib.suppress(imaplib.IMAP4.error, OSError):
                connection.logout()

    def deliver(
        self, *raws: bytes, folder: str = "INBOX", when: datetime | None = None, flags: str = ""
    ) -> None:
        """Put messages in a folder, as a mail server delivering them would (IMAP APPEND)."""
        with self.client() as imap:
            for raw in raws:
                status, data = imap.append(folder, flags, when or time.time(), raw)
                assert status == "OK", data

    def count(self, folder: str) -> int:
        """How many messages the folder holds (0 when it does not exist)."""
        with self.client() as imap:
            status, data = imap.status(folder, "(MESSAGES)")
        if status != "OK":
            return 0
        found = re.search(rb"MESSAGES (\d+)", data[0] or b"")
        return int(found[1]) if found else 0

    def folders(self) -> list[str]:
        with self.client() as imap:
            _, data = imap.list()
        return sorted(line.decode().rsplit(" ", 1)[-1].strip('"') for line in data if line)

    def messages(self, folder: str) -> list[tuple[bytes, bytes]]:
        """(flags, raw message) for every message in the folder, oldest first."""
        with self.client() as imap:
            status, _ = imap.select(folder, readonly=True)
            assert status == "OK", folder
            _, data = imap.fetch("1:*", "(FLAGS BODY.PEEK[])")
        return [(item[0], item[1]) for item in data if isinstance(item, tuple)]


@contextlib.contextmanager
def running(settings: Any, *, tls: bool) -> Iterator[ImapServer]:
    if not DOVECOT.exists():
        pytest.fail(f"{DOVECOT} is missing: run `make system-deps`", pytrace=False)
    # Not pytest's tmp_path: dovecot's sockets need a short path the dovecot user can reach.
    root = Path(tempfile.mkdtemp(prefix="redress-imap-"))
    server = ImapServer(root, free_port(), tls=tls)
    try:
        server.start()
        settings.REDRESS_MAILBOX = server.settings()
        yield server
    finally:
        server.kill()  # nothing to shut down gracefully: the folder goes next
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def imap_server(settings: Any) -> Iterator[ImapServer]:
    """A dovecot of the test's own, plain IMAP, and settings.REDRESS_MAILBOX pointing at it."""
    with running(settings, tls=False) as server:
        yield server


@pytest.fixture
def imap_tls_server(settings: Any) -> Iterator[ImapServer]:
    """The same with TLS only: IMAPS, and STARTTLS on the plain port (settings: IMAPS)."""
    with running(settings, tls=True) as server:
        yield server
