"""Area `keys`: private and public keys made by `openssl genpkey`, in every PEM/DER flavour,
encrypted and not, with what pyOpenSSL and `openssl pkey` print about them."""
from OpenSSL import crypto

from common import hexlify, pyopenssl_call

ORDER = 10
# the private keys and DH parameters survive a rerun (the other areas sign with these keys); everything
# else is re-derived from them. PORTCULLIS_FRESH=1 testdata/generate makes new ones.
PRESERVE = ["*.pkcs8.pem", "dsa2048.params.pem", "dh/*.pem"]

PASSPHRASE = "portcullis-test-passphrase"

# id -> (description, genpkey arguments, needs DSA parameters first)
KEYS = [
    ("rsa1024", ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"]),
    ("rsa2048", ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"]),
    ("rsa4096", ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:4096"]),
    ("dsa2048", None),  # genpkey -paramfile (parameters from genpkey -genparam)
    ("ec-p256", ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-pkeyopt", "ec_param_enc:named_curve"]),
    ("ec-p384", ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-pkeyopt", "ec_param_enc:named_curve"]),
    ("ec-p521", ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-521", "-pkeyopt", "ec_param_enc:named_curve"]),
    ("ec-secp256k1", ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:secp256k1",
                      "-pkeyopt", "ec_param_enc:named_curve"]),
    ("ec-p256-explicit", ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                          "-pkeyopt", "ec_param_enc:explicit"]),
    ("rsa-pss2048", ["-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:2048"]),
    ("rsa-pss2048-restricted", ["-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:2048",
                                "-pkeyopt", "rsa_pss_keygen_md:sha256", "-pkeyopt", "rsa_pss_keygen_mgf1_md:sha256",
                                "-pkeyopt", "rsa_pss_keygen_saltlen:32"]),
    ("ed25519", ["-algorithm", "ED25519"]),
    ("ed448", ["-algorithm", "ED448"]),
]

# Ed25519/Ed448 and RSA-PSS keys have only the PKCS#8 form
HAS_TRADITIONAL = lambda kid: not kid.startswith("ed") and not kid.startswith("rsa-pss")  # noqa: E731


def make(ctx):
    ctx.record("passphrase", PASSPHRASE)
    ctx.record("pyopenssl_types", {"TYPE_RSA": crypto.TYPE_RSA, "TYPE_DSA": crypto.TYPE_DSA,
                                   "TYPE_EC": getattr(crypto, "TYPE_EC", None)})
    keys = {}
    for kid, args in KEYS:
        keys[kid] = make_key(ctx, kid, args)
    ctx.record("keys", keys)
    ctx.record("multi", make_multi(ctx))
    ctx.record("pyopenssl_generated", make_pyopenssl_generated(ctx))
    ctx.record("dh_params", make_dh_params(ctx))
    ctx.record("pyopenssl_elliptic_curves", sorted(c.name for c in crypto.get_elliptic_curves()))


def make_dh_params(ctx):
    """DH parameter files (PKCS#3 `DH PARAMETERS`) and whether pyOpenSSL's Context.load_tmp_dh accepts them."""
    from OpenSSL import SSL
    out = {}
    for rel, args in (("dh/ffdhe2048.pem", ["genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:ffdhe2048"]),
                      ("dh/ffdhe3072.pem", ["genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:ffdhe3072"]),
                      ("dh/dhparam-1024.pem", ["dhparam", "1024"]),
                      ("dh/dhparam-dsaparam-2048.pem", ["dhparam", "-dsaparam", "2048"])):
        made_by = " ".join(["openssl"] + args[:-1] + ["-out", rel, args[-1]] if args[0] == "dhparam"
                           else ["openssl"] + args + ["-out", rel])
        if not (ctx.dir / rel).exists():  # else kept from the previous run (PRESERVE)
            if args[0] == "dhparam":
                ctx.openssl(*args[:-1], "-out", ctx.path(rel), args[-1])
            else:
                ctx.openssl(*args, "-out", ctx.path(rel))
        context = SSL.Context(SSL.TLS_METHOD)
        r = pyopenssl_call(context.load_tmp_dh, str(ctx.path(rel)).encode())
        out[ctx.fixture(rel)] = {
            "made_by": made_by,
            "openssl_dhparam_text": ctx.openssl("dhparam", "-in", rel, "-text", "-noout", ok=None).record(),
            "pyopenssl_load_tmp_dh": {"ok": r["ok"], "error": r.get("error")},
        }
    return out


def genpkey(ctx, kid, args):
    out = "%s.pkcs8.pem" % kid
    if args is None:
        command = "openssl genpkey -paramfile dsa2048.params.pem -out %s  (parameters: openssl genpkey -genparam " \
                  "-algorithm DSA -pkeyopt dsa_paramgen_bits:2048 -pkeyopt dsa_paramgen_q_bits:256)" % out
    else:
        command = "openssl genpkey %s -out %s" % (" ".join(args), out)
    if (ctx.dir / out).exists():  # kept from the previous run (PRESERVE)
        return out, command
    if args is None:  # DSA: parameters first
        ctx.openssl("genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:2048",
                    "-pkeyopt", "dsa_paramgen_q_bits:256", "-out", "dsa2048.params.pem")
        ctx.openssl("genpkey", "-paramfile", "dsa2048.params.pem", "-out", out)
    else:
        ctx.openssl("genpkey", *args, "-out", out)
    return out, command


def make_key(ctx, kid, args):
    pkcs8, command = genpkey(ctx, kid, args)
    files = []

    def add(rel, kind, form, encrypted, cmd, cipher=None):
        entry = {"path": ctx.fixture(rel), "kind": kind, "format": form, "encrypted": encrypted,
                 "command": cmd.command if hasattr(cmd, "command") else cmd}
        if cipher:
            entry["cipher"] = cipher
        files.append(entry)

    add(pkcs8, "pkcs8", "PEM", False, command)
    add("%s.pkcs8.der" % kid, "pkcs8", "DER", False,
        ctx.openssl("pkey", "-in", pkcs8, "-outform", "DER", "-out", "%s.pkcs8.der" % kid))
    add("%s.spki.pem" % kid, "spki", "PEM", False,
        ctx.openssl("pkey", "-in", pkcs8, "-pubout", "-out", "%s.spki.pem" % kid))
    add("%s.spki.der" % kid, "spki", "DER", False,
        ctx.openssl("pkey", "-in", pkcs8, "-pubout", "-outform", "DER", "-out", "%s.spki.der" % kid))
    if HAS_TRADITIONAL(kid):
        add("%s.trad.pem" % kid, "traditional", "PEM", False,
            ctx.openssl("pkey", "-in", pkcs8, "-traditional", "-out", "%s.trad.pem" % kid))
        add("%s.trad.der" % kid, "traditional", "DER", False,
            ctx.openssl("pkey", "-in", pkcs8, "-traditional", "-outform", "DER", "-out", "%s.trad.der" % kid))
        for cipher, flag in (("DES-EDE3-CBC", "-des3"), ("AES-128-CBC", "-aes128"), ("AES-256-CBC", "-aes256")):
            rel = "%s.trad-%s.pem" % (kid, flag[1:])
            add(rel, "traditional", "PEM", True,
                ctx.openssl("pkey", "-in", pkcs8, "-traditional", flag, "-passout", "pass:" + PASSPHRASE,
                            "-out", rel), cipher)
    for rel, form, v, cipher in (
            ("%s.pkcs8-pbes2-aes256.pem" % kid, "PEM", ["-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA256"],
             "PBES2 PBKDF2-hmacWithSHA256 AES-256-CBC"),
            ("%s.pkcs8-pbes2-aes256.der" % kid, "DER", ["-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA256"],
             "PBES2 PBKDF2-hmacWithSHA256 AES-256-CBC"),
            ("%s.pkcs8-pbes1-3des.pem" % kid, "PEM", ["-v1", "PBE-SHA1-3DES"], "pbeWithSHA1And3-KeyTripleDES-CBC")):
        add(rel, "pkcs8", form, True,
            ctx.openssl("pkcs8", "-topk8", "-in", pkcs8, *v, "-passout", "pass:" + PASSPHRASE,
                        "-outform", form, "-out", rel), cipher)

    for f in files:
        rel = f["path"].split("/", 1)[1]
        check_header(ctx, f, rel)
        if f["encrypted"]:
            f["openssl_asn1parse"] = ctx.openssl("asn1parse", "-inform", f["format"], "-in", rel).text \
                if f["kind"] == "pkcs8" else None
        f["pyopenssl_load"] = pyopenssl_load(ctx.read(rel), f)

    key = crypto.load_privatekey(crypto.FILETYPE_PEM, ctx.read(pkcs8))
    info = {
        "genpkey_command": command,
        "files": files,
        "pyopenssl": {
            "type": key.type(),
            "bits": key.bits(),
            "check": pyopenssl_call(key.check) if key.type() == crypto.TYPE_RSA else None,
            "dump_publickey_asn1_hex": hexlify(crypto.dump_publickey(crypto.FILETYPE_ASN1, key)),
            "dump_publickey_pem": crypto.dump_publickey(crypto.FILETYPE_PEM, key).decode(),
            "dump_privatekey_asn1_hex": text_or_error(
                lambda: hexlify(crypto.dump_privatekey(crypto.FILETYPE_ASN1, key))),
            "dump_privatekey_pem": text_or_error(lambda: crypto.dump_privatekey(crypto.FILETYPE_PEM, key).decode()),
            "dump_privatekey_text": text_or_error(
                lambda: crypto.dump_privatekey(crypto.FILETYPE_TEXT, key).decode()),
        },
        "openssl_pkey_text": ctx.openssl("pkey", "-in", pkcs8, "-text", "-noout").text,
        "openssl_pkey_pubin_text": ctx.openssl("pkey", "-pubin", "-in", "%s.spki.pem" % kid, "-text",
                                               "-noout").text,
    }
    return info


def text_or_error(fn):
    r = pyopenssl_call(fn)
    return r["value"] if r["ok"] else {"error": r["error"]}


def check_header(ctx, f, rel):
    """Record the PEM type line and headers the tool wrote (so readers know the flavour)."""
    if f["format"] != "PEM":
        return
    lines = ctx.read_text(rel).splitlines()
    f["pem_label"] = lines[0]
    headers = [ln for ln in lines[1:4] if ":" in ln and not ln.startswith("-----")]
    if headers:
        f["pem_headers"] = headers


def pyopenssl_load(data, f):
    """What pyOpenSSL 23 does with this file: load it (with the passphrase) and give the SPKI DER."""
    ft = crypto.FILETYPE_PEM if f["format"] == "PEM" else crypto.FILETYPE_ASN1
    if f["kind"] == "spki":
        r = pyopenssl_call(crypto.load_publickey, ft, data)
    elif f["encrypted"]:
        r = pyopenssl_call(crypto.load_privatekey, ft, data, PASSPHRASE.encode())
    else:
        r = pyopenssl_call(crypto.load_privatekey, ft, data)
    if not r["ok"]:
        return {"ok": False, "error": r["error"]}
    k = r["value"]
    return {"ok": True, "type": k.type(), "bits": k.bits(),
            "public_asn1_hex": hexlify(crypto.dump_publickey(crypto.FILETYPE_ASN1, k))}


def make_multi(ctx):
    """PEM files holding several objects, and which object pyOpenSSL's loaders pick from them."""
    ctx.openssl("req", "-x509", "-new", "-key", "rsa2048.pkcs8.pem", "-subj", "/CN=multi-object PEM test",
                "-days", "3650", "-set_serial", "4242", "-sha256", "-out", ctx.path("multi/cert.pem"))
    cert = ctx.read("multi/cert.pem")
    ctx.path("multi/cert.pem").unlink()
    out = {}
    layouts = {
        "multi/cert-key-key.pem": [cert, ctx.read("rsa2048.trad.pem"), ctx.read("ec-p256.pkcs8.pem")],
        "multi/key-cert-key.pem": [ctx.read("ec-p384.trad.pem"), cert, ctx.read("ed25519.pkcs8.pem")],
    }
    for rel, parts in layouts.items():
        data = b"".join(parts)
        ctx.write(rel, data)
        entry = {"objects": [p.decode().splitlines()[0] for p in parts]}
        c = pyopenssl_call(crypto.load_certificate, crypto.FILETYPE_PEM, data)
        entry["pyopenssl_load_certificate"] = (
            {"ok": True, "subject": str(c["value"].get_subject()), "serial": c["value"].get_serial_number()}
            if c["ok"] else c)
        k = pyopenssl_load(data, {"format": "PEM", "kind": "pkcs8", "encrypted": False})
        entry["pyopenssl_load_privatekey"] = k
        entry["openssl_x509_subject"] = ctx.openssl("x509", "-in", rel, "-noout", "-subject").text
        entry["openssl_pkey_public_der_hex"] = hexlify(
            ctx.openssl("pkey", "-in", rel, "-pubout", "-outform", "DER").out)
        entry["key_sources"] = {"multi/cert-key-key.pem": ["keys/rsa2048.trad.pem", "keys/ec-p256.pkcs8.pem"],
                                "multi/key-cert-key.pem": ["keys/ec-p384.trad.pem",
                                                           "keys/ed25519.pkcs8.pem"]}[rel]
        out[ctx.fixture(rel)] = entry
    return out


def make_pyopenssl_generated(ctx):
    """Keys made by pyOpenSSL's own PKey.generate_key, dumped by pyOpenSSL, checked by openssl."""
    out = {}
    for name, ktype, bits in (("pyopenssl-rsa2048", crypto.TYPE_RSA, 2048),
                              ("pyopenssl-rsa1024", crypto.TYPE_RSA, 1024),
                              ("pyopenssl-dsa1024", crypto.TYPE_DSA, 1024)):
        k = crypto.PKey()
        k.generate_key(ktype, bits)
        rel = "%s.pem" % name
        ctx.write(rel, crypto.dump_privatekey(crypto.FILETYPE_PEM, k))
        ctx.write("%s.der" % name, crypto.dump_privatekey(crypto.FILETYPE_ASN1, k))
        out[ctx.fixture(rel)] = {
            "der": ctx.fixture("%s.der" % name),
            "generate_key": [ktype, bits],
            "type": k.type(), "bits": k.bits(),
            "pem_label": ctx.read_text(rel).splitlines()[0],
            "dump_publickey_asn1_hex": hexlify(crypto.dump_publickey(crypto.FILETYPE_ASN1, k)),
            "openssl_pkey_text": ctx.openssl("pkey", "-in", rel, "-text", "-noout").text,
        }
    return out
