"""Shared helpers for the fixture generator (see testdata/README.md).

Every area module gets one `Area` object (`ctx`). It runs real tools, writes fixture files under
fixtures/<area>/ and collects the expected values those tools printed; main.py writes them to
fixtures/<area>/expected.json when the area's make(ctx) returns.
"""
import binascii
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# The working directory of every tool run, unless a cwd is given: fixture paths are then short and
# relative, and tools never see the absolute path of the checkout (so it never leaks into outputs).
TOOL_ENV = dict(os.environ, LC_ALL="C", LANG="C", TZ="UTC")
# OpenSSL must not pick up a user's config by accident; the Debian default config is fine.
TOOL_ENV.pop("OPENSSL_CONF", None)


class ToolError(RuntimeError):
    """A tool exited with an unexpected code."""


class Result:
    """What a tool run produced: exit code, stdout bytes, stderr text."""

    def __init__(self, argv, rc, out, err, command=None):
        self.argv = argv
        self.command = command or " ".join(argv)  # argv with machine-specific paths shortened
        self.rc = rc
        self.out = out
        self.err = err

    @property
    def text(self):
        """stdout decoded as UTF-8 (tools print ASCII or UTF-8)."""
        return self.out.decode("utf-8", "replace")

    def record(self):
        """A JSON-able dict: command, exit code, stdout text, stderr text."""
        return {"command": self.command, "exit": self.rc, "stdout": self.text, "stderr": self.err}


def hexlify(data):
    """Lower-case hex of bytes, no separators."""
    return binascii.hexlify(data).decode("ascii")


def colon_hex(data):
    """Upper-case AB:CD:.. form of bytes (pyOpenSSL's digest style)."""
    return ":".join("%02X" % b for b in data)


def b(text):
    """bytes of a str (UTF-8)."""
    return text.encode("utf-8") if isinstance(text, str) else text


class Area:
    """The context handed to an area's make(ctx)."""

    def __init__(self, name, fixtures_root, scratch_root, preserve=()):
        self.name = name
        self.root = Path(fixtures_root)          # .../fixtures
        self.dir = self.root / name              # .../fixtures/<area>
        self.tmp = Path(scratch_root) / name     # scratch space, deleted afterwards
        self.expected = {}                       # becomes fixtures/<area>/expected.json
        self.log_commands = []                   # every command run, for the README/expected
        # files matching the area's PRESERVE globs survive the wipe (e.g. private keys, so that a rerun
        # keeps them and every file derived from them stays comparable); PORTCULLIS_FRESH=1 drops them too
        kept = {}
        if self.dir.exists():
            if os.environ.get("PORTCULLIS_FRESH") != "1":
                for pattern in preserve:
                    for p in self.dir.glob(pattern):
                        if p.is_file():
                            kept[p.relative_to(self.dir)] = p.read_bytes()
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True)
        for rel, data in kept.items():
            self.path(rel).write_bytes(data)
        self.preserved = sorted(str(r) for r in kept)
        self.tmp.mkdir(parents=True, exist_ok=True)

    # ---- paths -------------------------------------------------------------------------------
    def path(self, rel):
        """Absolute path of fixture file `rel` in this area (parent directories are created)."""
        p = self.dir / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        return p

    def fixture(self, rel):
        """The name Java uses for this area's file `rel`: '<area>/<rel>' (relative to fixtures/)."""
        return "%s/%s" % (self.name, rel)

    def other(self, name):
        """Absolute path of another area's fixture, name relative to fixtures/ ('keys/rsa2048.pem')."""
        p = self.root / name
        if not p.exists():
            raise FileNotFoundError("fixture %s is missing: generate its area first" % name)
        return p

    def scratch(self, rel):
        """Absolute path in the scratch directory (not committed)."""
        p = self.tmp / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        return p

    # ---- files -------------------------------------------------------------------------------
    def write(self, rel, data):
        """Write bytes or str (UTF-8) to fixture file `rel`; returns its fixture name."""
        self.path(rel).write_bytes(b(data))
        return self.fixture(rel)

    def read(self, rel):
        """Bytes of this area's fixture file `rel`."""
        return (self.dir / rel).read_bytes()

    def read_text(self, rel):
        return self.read(rel).decode("utf-8")

    # ---- tools -------------------------------------------------------------------------------
    def run(self, *argv, stdin=None, ok=(0,), cwd=None, env=None, timeout=600):
        """Run a tool (argv as separate strings; Paths allowed). Raises ToolError unless the exit
        code is in `ok` (pass ok=None to accept any). cwd defaults to this area's fixture directory
        so relative paths name fixture files."""
        argv = [str(a) for a in argv]
        full_env = dict(TOOL_ENV)
        if env:
            full_env.update(env)
        proc = subprocess.run(argv, input=b(stdin) if stdin is not None else None,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              cwd=str(cwd or self.dir), env=full_env, timeout=timeout)
        res = Result(argv, proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace"),
                     self.shorten(" ".join(argv)))
        self.log_commands.append(res.command)
        if ok is not None and proc.returncode not in ok:
            raise ToolError("%s exited %d\nstdout: %s\nstderr: %s"
                            % (" ".join(argv), proc.returncode, res.text[:2000], res.err[:2000]))
        return res

    def openssl(self, *args, **kw):
        """Run `openssl args...` (see run)."""
        return self.run("openssl", *args, **kw)

    def shorten(self, text):
        """Replace machine-specific paths in a command line: fixture files become their fixture names
        ('keys/rsa2048.pkcs8.pem'), scratch files '<scratch>/...'."""
        text = text.replace(str(self.dir) + "/", "")
        text = text.replace(str(self.root) + "/", "")
        return text.replace(str(self.tmp.parent), "<scratch>")

    # ---- expected values ---------------------------------------------------------------------
    def record(self, key, value):
        """Set expected[key] = value (value must be JSON-able)."""
        self.expected[key] = value
        return value

    def finish(self):
        """Write expected.json (called by main.py)."""
        if self.expected:
            write_json(self.dir / "expected.json", self.expected)
        shutil.rmtree(self.tmp, ignore_errors=True)


def write_json(path, value):
    """Pretty, stable JSON (UTF-8, keys in insertion order, trailing newline)."""
    Path(path).write_text(json.dumps(value, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def pyopenssl_call(fn, *args):
    """Call a pyOpenSSL function; returns {"ok": True, "value": v} or {"ok": False, "error": repr}."""
    try:
        return {"ok": True, "value": fn(*args)}
    except Exception as e:  # the oracle's failure is a recorded value too
        return {"ok": False, "error": "%s: %s" % (type(e).__name__, e)}


def new_scratch_root():
    return tempfile.mkdtemp(prefix="portcullis-testdata-")


def log(msg):
    print(msg, file=sys.stderr, flush=True)
