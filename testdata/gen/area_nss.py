"""Area `nss`: NSS databases made by certutil and pk12util (sql format with and without a password, a
password change, a legacy dbm database and its conversion to sql, a trust-string matrix), with what
certutil and python-nss print about them."""
import json
import shutil
from pathlib import Path

ORDER = 50
DEPENDS = ["keys", "x509", "containers"]

PASSWORD = "nss-password"
NEW_PASSWORD = "nss-new-password"
P12_PASSWORD = "p12-password"
CA = "Portcullis NSS CA"
UNICODE_NICK = "Zoë Ünïcode CA – Ω #1"

TRUST_MATRIX = ["CT,C,C", "C,,", "c,c,c", "T,,", "P,P,P", "p,p,p", "CTg,,", "Cw,,", ",C,", ",,C", "CT,,", ",,",
                "u,u,u"]
MATRIX_CERTS = ["selfsigned/rsa1024", "selfsigned/rsa2048", "selfsigned/rsa4096", "selfsigned/dsa2048",
                "selfsigned/ec-p256", "selfsigned/ec-p384", "selfsigned/ec-p521", "selfsigned/ec-secp256k1",
                "signers/ca-rsa4096-sha512", "signers/ca-rsa2048-sha1", "signers/ca-rsa2048-sha384",
                "signers/ca-rsa2048-sha512", "signers/ca-ec-p256-sha256"]

HERE = Path(__file__).resolve().parent


class Db:
    """One NSS database directory under fixtures/nss/<name>/ and the password files to drive the tools."""

    def __init__(self, ctx, name, password, prefix="sql:"):
        self.ctx, self.name, self.password = ctx, name, password
        self.dir = ctx.path(name + "/x").parent
        self.spec = prefix + str(self.dir)
        self.pwfile = ctx.scratch("pw-%s.txt" % name)
        self.pwfile.write_text((password or "") + "\n")

    def certutil(self, *args, stdin=None, ok=(0,), spec=None):
        pw = ["-f", self.pwfile] if self.password else []
        return self.ctx.run("certutil", *args, "-d", spec or self.spec, *pw, stdin=stdin, ok=ok)

    def pk12_import(self, p12):
        p12pw = self.ctx.scratch("p12pw.txt")
        p12pw.write_text(P12_PASSWORD + "\n")
        pw = ["-k", self.pwfile] if self.password else []
        return self.ctx.run("pk12util", "-i", self.ctx.other(p12), "-d", self.spec, "-w", p12pw, *pw)


def make(ctx):
    noise = ctx.scratch("noise.bin")
    noise.write_bytes(bytes((i * 7 + 3) % 256 for i in range(2048)))
    dbs = {}
    for name, pw in (("nopw", None), ("pw", PASSWORD)):
        db = Db(ctx, name, pw)
        steps = populate(db, noise)
        dbs[name] = describe(db, steps)
    # a copy of "pw" after certutil -W
    changed = Db(ctx, "pw-changed", PASSWORD)
    for f in ctx.path("pw").iterdir():
        shutil.copy(f, changed.dir / f.name)
    newpw = ctx.scratch("newpw.txt")
    newpw.write_text(NEW_PASSWORD + "\n")
    res = changed.certutil("-W", "-@", newpw)
    changed.password = NEW_PASSWORD
    changed.pwfile.write_text(NEW_PASSWORD + "\n")
    dbs["pw-changed"] = describe(changed, ["cp nss/pw/* nss/pw-changed/", res.command + "  (-@: new password file)"])
    dbs.update(legacy(ctx, noise))
    dbs["trust-matrix"] = trust_matrix(ctx)
    ctx.record("passwords", {"nopw": "", "pw": PASSWORD, "pw-changed": NEW_PASSWORD, "dbm-legacy": PASSWORD,
                             "sql-from-dbm": PASSWORD, "trust-matrix": "", "p12_imports": P12_PASSWORD})
    ctx.record("databases", dbs)


def populate(db, noise):
    """CA (CT,C,C), RSA and EC server certs, a client cert, an orphan key, keyless certs with odd nicknames,
    and two PKCS#12 imports."""
    ctx = db.ctx
    steps = []
    if db.password:
        steps.append(db.certutil("-N").command)
    else:
        steps.append(ctx.run("certutil", "-N", "-d", db.spec, "--empty-password").command)
    steps.append(db.certutil("-S", "-n", CA, "-s", "CN=Portcullis NSS CA,O=Portcullis Test,C=US", "-x", "-t", "CT,C,C",
                             "-k", "rsa", "-g", "2048", "-m", "1", "-v", "240", "-z", noise, "-2",
                             "--keyUsage", "certSigning,crlSigning", stdin="y\n\ny\n").command + "  (stdin: y, '', y)")
    steps.append(db.certutil("-S", "-n", "server rsa", "-s", "CN=server.example.com,O=Portcullis Test", "-c", CA,
                             "-t", "u,u,u", "-k", "rsa", "-g", "2048", "-m", "2", "-v", "120", "-z", noise,
                             "--extSAN", "dns:server.example.com,dns:www.example.com,ip:192.0.2.1",
                             "--keyUsage", "digitalSignature,keyEncipherment", "--extKeyUsage", "serverAuth").command)
    steps.append(db.certutil("-S", "-n", "server ec", "-s", "CN=ec.example.com,O=Portcullis Test", "-c", CA,
                             "-t", "u,u,u", "-k", "ec", "-q", "nistp256", "-m", "3", "-v", "120", "-z", noise,
                             "--extSAN", "dns:ec.example.com", "--keyUsage", "digitalSignature",
                             "--extKeyUsage", "serverAuth").command)
    steps.append(db.certutil("-S", "-n", "client cert", "-s", "CN=Client User,E=client@example.com,O=Portcullis Test",
                             "-c", CA, "-t", "u,u,u", "-k", "rsa", "-g", "2048", "-m", "4", "-v", "120", "-z", noise,
                             "--keyUsage", "digitalSignature", "--extKeyUsage", "clientAuth").command)
    steps.append(db.certutil("-G", "-n", "orphan ec key", "-k", "ec", "-q", "nistp384", "-z", noise).command)
    steps.append(db.certutil("-A", "-n", UNICODE_NICK, "-t", ",,", "-i", ctx.other("x509/selfsigned/ec-p521.pem")).command)
    steps.append(db.certutil("-A", "-n", "External Root (no key)", "-t", "C,,",
                             "-i", ctx.other("x509/selfsigned/rsa4096.pem")).command)
    steps.append(db.pk12_import("containers/p12/modern-chain-named.p12").command)
    steps.append(db.pk12_import("containers/p12/keytool-rsa.p12").command)
    return [s.replace(str(db.dir), "nss/" + db.name) for s in steps]


def parse_listing(text):
    """Nickname and trust string of each line of `certutil -L` (the trust string is the last field)."""
    rows = []
    for line in text.splitlines()[4:]:
        if not line.strip():
            continue
        nick, _, trust = line.rstrip().rpartition(" ")
        rows.append([nick.rstrip(), trust])
    return rows


def describe(db, steps):
    ctx = db.ctx
    listing = db.certutil("-L")
    keys = db.certutil("-K", ok=None)
    certs = {}
    for nick, trust in parse_listing(listing.text):
        pem = db.certutil("-L", "-n", nick, "-a")
        certs[nick] = {"trust": trust, "pem": pem.text}
    files = sorted(p.name for p in db.dir.iterdir())
    for j in [f for f in files if f.endswith("-journal")]:
        raise RuntimeError("NSS left a journal behind: " + j)
    return {
        "dir": ctx.fixture(db.name) + "/",
        "spec_prefix": db.spec.split(":", 1)[0] + ":",
        "password": db.password or "",
        "files": [ctx.fixture(db.name + "/" + f) for f in files],
        "made_by": steps,
        "certutil_L": listing.text,
        "certutil_K": {"exit": keys.rc, "stdout": keys.text, "stderr": keys.err},
        "certs": certs,
        "python_nss": python_nss(db),
    }


def python_nss(db):
    before = {f.name: f.read_bytes() for f in db.dir.iterdir()}
    args = ["/usr/bin/python3", HERE / "nss_listing.py", db.spec]
    if db.password:
        args.append(db.password)
    res = db.ctx.run(*args, ok=None)
    if before != {f.name: f.read_bytes() for f in db.dir.iterdir()}:
        raise RuntimeError("python-nss changed the database " + db.name)
    if res.rc != 0:
        return {"error": res.err[-2000:]}
    return {"command": "python-nss: nss.nss_init('sql:DIR' or 'dbm:DIR') (read-only), list_certs(PK11CertListAll), "
                       "find_key_by_any_cert; see gen/nss_listing.py", "certs": json.loads(res.text)}


def legacy(ctx, noise):
    """A dbm database (cert8.db/key3.db/secmod.db) and the same converted to sql by a read-write open."""
    out = {}
    db = Db(ctx, "dbm-legacy", PASSWORD, prefix="dbm:")
    steps = [db.certutil("-N").command]
    steps.append(db.certutil("-S", "-n", "Legacy CA", "-s", "CN=Legacy CA,O=Portcullis Test", "-x", "-t", "CT,C,C",
                             "-k", "rsa", "-g", "2048", "-m", "11", "-v", "240", "-z", noise, "-2",
                             stdin="y\n\ny\n").command + "  (stdin: y, '', y)")
    steps.append(db.certutil("-S", "-n", "legacy server ec", "-s", "CN=legacy.example.com,O=Portcullis Test",
                             "-c", "Legacy CA", "-t", "u,u,u", "-k", "ec", "-q", "nistp256", "-m", "12", "-v", "120",
                             "-z", noise).command)
    steps.append(db.certutil("-A", "-n", "legacy keyless", "-t", "C,,",
                             "-i", ctx.other("x509/chain/root.pem")).command)
    steps = [s.replace(str(db.dir), "nss/dbm-legacy") for s in steps]
    out["dbm-legacy"] = describe(db, steps)

    conv = Db(ctx, "sql-from-dbm", PASSWORD)
    for f in db.dir.iterdir():
        shutil.copy(f, conv.dir / f.name)
    res = conv.certutil("-K", "-X")  # a read-write open migrates dbm to sql
    for f in ("cert8.db", "key3.db", "secmod.db"):
        (conv.dir / f).unlink()
    out["sql-from-dbm"] = describe(conv, ["cp nss/dbm-legacy/* nss/sql-from-dbm/",
                                          res.command.replace(str(conv.dir), "nss/sql-from-dbm")
                                          + "  (read-write open: writes cert9.db/key4.db)",
                                          "rm cert8.db key3.db secmod.db (only the sql files are kept)"])
    return out


def trust_matrix(ctx):
    db = Db(ctx, "trust-matrix", None)
    steps = [ctx.run("certutil", "-N", "-d", db.spec, "--empty-password").command]
    for trust, cert in zip(TRUST_MATRIX, MATRIX_CERTS):
        steps.append(db.certutil("-A", "-n", "trust %s" % trust, "-t", trust,
                                 "-i", ctx.other("x509/%s.pem" % cert)).command)
    steps = [s.replace(str(db.dir), "nss/trust-matrix") for s in steps]
    info = describe(db, steps)
    info["trust_given"] = {"trust %s" % t: {"certutil_t": t, "cert": "x509/%s.pem" % c}
                           for t, c in zip(TRUST_MATRIX, MATRIX_CERTS)}
    return info
