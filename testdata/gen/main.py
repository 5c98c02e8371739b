"""Fixture generator entry point (run through testdata/generate with /usr/bin/python3).

Usage: testdata/generate [AREA ...]   (no argument: every area, in ORDER)

Imports every testdata/gen/area_*.py, runs make(ctx) of the selected ones in ascending ORDER
(module attribute, default 100), writes fixtures/<area>/expected.json, fixtures/versions.json and
fixtures/index.txt (every file under fixtures/, relative, sorted).
"""
import importlib
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import common  # noqa: E402

FIXTURES = HERE.parent / "src" / "main" / "resources" / "fixtures"


def area_modules():
    mods = []
    for f in sorted(HERE.glob("area_*.py")):
        name = f.stem[len("area_"):]
        mod = importlib.import_module(f.stem)
        mods.append((getattr(mod, "ORDER", 100), name, mod))
    mods.sort(key=lambda t: (t[0], t[1]))
    order = {name: o for o, name, _ in mods}
    for o, name, mod in mods:
        for dep in getattr(mod, "DEPENDS", ()):
            if dep not in order or order[dep] >= o:
                sys.exit("area %s (ORDER %d) depends on %s, which must exist and have a smaller ORDER" % (name, o, dep))
    return mods


def write_versions(scratch):
    import OpenSSL
    ctx = common.Area("_versions", scratch + "/v", scratch + "/vs")
    versions = {
        "openssl": ctx.openssl("version", "-a").text.strip(),
        "pyOpenSSL": OpenSSL.__version__,
        "pyOpenSSL_linked_openssl": OpenSSL.SSL.SSLeay_version(OpenSSL.SSL.SSLEAY_VERSION).decode(),
        "python": sys.version.split()[0],
    }
    try:
        import cryptography
        versions["cryptography"] = cryptography.__version__
    except ImportError:
        pass
    for tool, args in (("certutil", ["-V"]), ("pk12util", ["-V"]), ("keytool", ["-version"])):
        if shutil.which(tool):
            r = ctx.run(tool, *args, ok=None)
            versions[tool] = (r.text + r.err).strip()
    try:
        r = ctx.run("dpkg-query", "-W", "-f", "${Package} ${Version}\n", "openssl", "libnss3",
                    "libnss3-tools", "python3-openssl", "python3-nss", "openjdk-17-jdk-headless", ok=None)
        versions["debian_packages"] = r.text.strip().splitlines()
    except FileNotFoundError:
        pass
    common.write_json(FIXTURES / "versions.json", versions)


def write_index():
    names = sorted(str(p.relative_to(FIXTURES)) for p in FIXTURES.rglob("*")
                   if p.is_file() and p.name != "index.txt")
    (FIXTURES / "index.txt").write_text("".join(n + "\n" for n in names), encoding="utf-8")
    return len(names)


def main(argv):
    wanted = set(argv)
    mods = area_modules()
    # an area that builds on another's files (DEPENDS = ["keys"]) is remade with it
    grew = bool(wanted)
    while grew:
        grew = False
        for _, name, mod in mods:
            if name not in wanted and wanted & set(getattr(mod, "DEPENDS", ())):
                wanted.add(name)
                grew = True
    known = {name for _, name, _ in mods}
    unknown = set(argv) - known
    if unknown:
        sys.exit("unknown area(s): %s (known: %s)" % (", ".join(sorted(unknown)), ", ".join(sorted(known))))
    FIXTURES.mkdir(parents=True, exist_ok=True)
    scratch = common.new_scratch_root()
    try:
        for _, name, mod in mods:
            if wanted and name not in wanted:
                continue
            common.log("== area %s" % name)
            ctx = common.Area(name, FIXTURES, scratch, getattr(mod, "PRESERVE", ()))
            if ctx.preserved:
                common.log("   kept %d files (PRESERVE; PORTCULLIS_FRESH=1 remakes them)" % len(ctx.preserved))
            mod.make(ctx)
            ctx.finish()
        write_versions(scratch)
        n = write_index()
        common.log("index.txt: %d files" % n)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
