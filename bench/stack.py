"""The production stack on loopback, for benchmarks and fault drills.

A throwaway PostgreSQL cluster (durable: fsync and synchronous commit on), an
optional Redis, the demo course, and gunicorn with production settings. Used as
a context manager; everything it starts is stopped and removed on the way out.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (our own loopback URL)
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def production_env(database_url, redis_url=None):
    """The environment production settings need, with throwaway secrets, for plain HTTP on loopback."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "bench-secret-key-" + "x" * 40,
        "RESUME_CODE_SECRET": "bench-resume-secret-" + "y" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "SECURE_SSL_REDIRECT": "false",
        "TRUSTED_PROXIES": "0",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def collect_static(env):
    """Production settings serve hashed static files listed in a manifest: collect them first."""
    command = [str(BIN / "python"), "manage.py", "collectstatic", "--no-input", "-v", "0"]
    subprocess.run(command, cwd=ROOT, env=env, check=True)


class AppServer:
    """gunicorn with production settings on a free loopback port; its output goes to `log_path`."""

    def __init__(self, env, log_path, workers=2):
        self.env = env
        self.log_path = Path(log_path)
        self.workers = workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self):
        with open(self.log_path, "a") as log:
            self.process = subprocess.Popen(
                [str(BIN / "gunicorn"), "cms.wsgi", "--workers", str(self.workers)]
                + ["--bind", f"127.0.0.1:{self.port}", "--graceful-timeout", "5", "--no-control-socket"],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        wait_for_http(self.url + "/healthz")
        return self.url

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log(self):
        return self.log_path.read_text()

    def worker_pids(self):
        master = self.process.pid
        return [int(pid) for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split()]


class RedisServer:
    """redis-server on a free loopback port, without persistence; stop and start it for outages."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None


class Stack:
    def __init__(self, redis=False, workers=2, quiet=True):
        self.workdir = Path(tempfile.mkdtemp(prefix="samspel-bench-"))
        self.pg_dir = self.workdir / "pg"
        self.pg_port = free_port()
        self.redis = RedisServer() if redis else None
        self.workers = workers
        self.quiet = quiet
        self.servers = {}
        self.env = None

    # --- services ---------------------------------------------------------------------

    def __enter__(self):
        signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))  # so __exit__ still cleans up
        if os.geteuid() == 0:
            shutil.chown(self.workdir, "postgres")
        out = subprocess.run(
            ["bash", str(ROOT / "scripts/pg-cluster.sh"), "start", str(self.pg_dir), str(self.pg_port)],
            env={**os.environ, "PG_DURABLE": "1"},
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        pg_url = out.strip().split("PG_URL=")[1]
        env = production_env(pg_url)
        if self.redis:
            self.redis.start()
            env["REDIS_URL"] = self.redis.url
        self.env = env
        return self

    def __exit__(self, *exc):
        for name in list(self.servers):
            self.stop_server(name)
        if self.redis:
            self.redis.stop()
        subprocess.run(["bash", str(ROOT / "scripts/pg-cluster.sh"), "stop", str(self.pg_dir)], check=False)
        shutil.rmtree(self.workdir, ignore_errors=True)

    def pg_ctl(self, action):
        pg_bin = sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]
        command = [str(pg_bin / "pg_ctl"), "-D", str(self.pg_dir), "-w", "-m", "fast"]
        command += ["-l", str(self.pg_dir / "server.log")]
        if action != "stop":
            command += ["-o", f"-c listen_addresses=127.0.0.1 -p {self.pg_port} -k {self.pg_dir}"]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run([*command, action], check=True, capture_output=True)

    # --- the site ---------------------------------------------------------------------

    def manage(self, *args):
        subprocess.run(
            [str(BIN / "python"), "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL if self.quiet else None,
        )

    def load_demo(self):
        self.manage("migrate", "--no-input", "-v", "0")
        collect_static(self.env)
        self.manage("load_demo_course")
        self.manage("load_demo_child_module")

    def python(self, code):
        """Runs a snippet under the production settings and returns what it printed."""
        command = [str(BIN / "python"), "-c", "import django; django.setup()\n" + code]
        return subprocess.run(command, cwd=ROOT, env=self.env, check=True, capture_output=True, text=True).stdout

    def start_server(self, name="app", workers=None):
        server = AppServer(self.env, self.workdir / f"{name}.log", workers or self.workers)
        self.servers[name] = server
        return server.start()

    def stop_server(self, name):
        self.servers.pop(name).stop()


ERROR_KINDS = ("connect", "read", "write", "status", "timeout")  # status: answers of 400 and above


def wrk(url, seconds, connections, script=None, headers=(), env=None):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        if script:
            lua.write((Path(__file__).resolve().parent / "wrk" / script).read_text())
        lua.write((Path(__file__).resolve().parent / "wrk" / "report.lua").read_text())
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", lua.name, url]
    for header in headers:
        command += ["-H", header]
    try:
        out = subprocess.run(command, check=True, capture_output=True, text=True, env={**os.environ, **(env or {})})
    finally:
        os.unlink(lua.name)
    line = [line for line in out.stdout.splitlines() if line.startswith("{")][-1]
    figures = json.loads(line)
    seconds = figures["duration_us"] / 1e6
    return {
        "rps": figures["requests"] / seconds,
        "p50": figures["p50_us"] / 1000,
        "p99": figures["p99_us"] / 1000,
        "errors": sum(figures[k] for k in ERROR_KINDS),
        "error_kinds": {k: figures[k] for k in ERROR_KINDS if figures[k]},
        "requests": figures["requests"],
    }


def rss_mib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no RSS for {pid}")


def need(*commands):
    missing = [c for c in commands if not shutil.which(c)]
    if missing:
        sys.exit(f"missing: {', '.join(missing)} (make bench installs them from Debian)")
