"""Area `errors`: what pyOpenSSL raises (exception type and OpenSSL error entries) for bad input to its
loaders, so a port can raise the same kinds with the same (library, function, reason) entries."""
from OpenSSL import crypto


ORDER = 45
DEPENDS = ["keys", "x509", "containers"]


def make(ctx):
    cert_pem = ctx.other("x509/chain/leaf.pem").read_bytes()
    cert_der = ctx.other("x509/chain/leaf.der").read_bytes()
    key_pem = ctx.other("keys/rsa2048.pkcs8.pem").read_bytes()
    enc_key = ctx.other("keys/rsa2048.trad-aes256.pem").read_bytes()
    enc_pkcs8 = ctx.other("keys/rsa2048.pkcs8-pbes2-aes256.pem").read_bytes()
    half = len(cert_pem) // 2
    inputs = {
        "empty.bin": b"",
        "garbage.txt": b"this is not a certificate\n",
        "truncated-cert.pem": cert_pem[:half] + b"\n-----END CERTIFICATE-----\n",
        "cert-without-end.pem": cert_pem[:half],
        "cert-bad-base64.pem": cert_pem.replace(b"M", b"*", 3),
        "truncated-cert.der": cert_der[: len(cert_der) // 2],
        "cert-trailing-garbage.der": cert_der + b"\x00\x01garbage",
        "wrong-label.pem": cert_pem.replace(b"CERTIFICATE", b"X509 CRL"),
    }
    for name, data in inputs.items():
        ctx.write(name, data)
    files = {n: ctx.fixture(n) for n in inputs}
    P, A = crypto.FILETYPE_PEM, crypto.FILETYPE_ASN1
    cases = [
        ("load_certificate", "PEM", "empty.bin", lambda d: crypto.load_certificate(P, d)),
        ("load_certificate", "PEM", "garbage.txt", lambda d: crypto.load_certificate(P, d)),
        ("load_certificate", "PEM", "truncated-cert.pem", lambda d: crypto.load_certificate(P, d)),
        ("load_certificate", "PEM", "cert-without-end.pem", lambda d: crypto.load_certificate(P, d)),
        ("load_certificate", "PEM", "cert-bad-base64.pem", lambda d: crypto.load_certificate(P, d)),
        ("load_certificate", "PEM", "wrong-label.pem", lambda d: crypto.load_certificate(P, d)),
        ("load_certificate", "ASN1", "empty.bin", lambda d: crypto.load_certificate(A, d)),
        ("load_certificate", "ASN1", "garbage.txt", lambda d: crypto.load_certificate(A, d)),
        ("load_certificate", "ASN1", "truncated-cert.der", lambda d: crypto.load_certificate(A, d)),
        ("load_certificate", "ASN1", "cert-trailing-garbage.der", lambda d: crypto.load_certificate(A, d)),
        ("load_certificate", "PEM", "keys/rsa2048.pkcs8.pem", lambda d: crypto.load_certificate(P, d)),
        ("load_certificate", "TEXT(3)", "x509/chain/leaf.pem", lambda d: crypto.load_certificate(crypto.FILETYPE_TEXT, d)),
        ("load_certificate_request", "PEM", "x509/chain/leaf.pem",
         lambda d: crypto.load_certificate_request(P, d)),
        ("load_crl", "PEM", "garbage.txt", lambda d: crypto.load_crl(P, d)),
        ("load_crl", "PEM", "x509/chain/leaf.pem", lambda d: crypto.load_crl(P, d)),
        ("load_privatekey", "PEM", "garbage.txt", lambda d: crypto.load_privatekey(P, d)),
        ("load_privatekey", "PEM", "x509/chain/leaf.pem", lambda d: crypto.load_privatekey(P, d)),
        ("load_privatekey", "ASN1", "garbage.txt", lambda d: crypto.load_privatekey(A, d)),
        ("load_privatekey passphrase=b'wrong'", "PEM", "keys/rsa2048.trad-aes256.pem",
         lambda d: crypto.load_privatekey(P, d, b"wrong")),
        ("load_privatekey passphrase=b'wrong'", "PEM", "keys/rsa2048.pkcs8-pbes2-aes256.pem",
         lambda d: crypto.load_privatekey(P, d, b"wrong")),
        ("load_privatekey passphrase=callback returning b'wrong'", "PEM", "keys/rsa2048.trad-aes256.pem",
         lambda d: crypto.load_privatekey(P, d, lambda flag: b"wrong")),
        ("load_privatekey passphrase=callback returning 42", "PEM", "keys/rsa2048.trad-aes256.pem",
         lambda d: crypto.load_privatekey(P, d, lambda flag: 42)),
        ("load_privatekey passphrase=b'unused'", "PEM", "keys/rsa2048.pkcs8.pem",
         lambda d: crypto.load_privatekey(P, d, b"unused")),
        ("load_publickey", "PEM", "keys/rsa2048.pkcs8.pem", lambda d: crypto.load_publickey(P, d)),
        ("load_publickey", "PEM", "garbage.txt", lambda d: crypto.load_publickey(P, d)),
        ("load_pkcs12 passphrase=b'wrong'", "-", "containers/p12/modern-rsa.p12",
         lambda d: crypto.load_pkcs12(d, b"wrong")),
        ("load_pkcs12", "-", "garbage.txt", lambda d: crypto.load_pkcs12(d, b"x")),
        ("load_pkcs7_data", "PEM", "garbage.txt", lambda d: crypto.load_pkcs7_data(P, d)),
        ("load_pkcs7_data", "PEM", "x509/chain/leaf.pem", lambda d: crypto.load_pkcs7_data(P, d)),
    ]
    del enc_key, enc_pkcs8, key_pem
    out = []
    for call, form, name, fn in cases:
        data = ctx.read(name) if name in inputs else ctx.other(name).read_bytes()
        entry = {"call": call, "filetype": form, "input": files.get(name, name)}
        try:
            value = fn(data)
            entry["result"] = {"ok": True, "value_type": type(value).__name__}
        except crypto.Error as e:
            entry["result"] = {"ok": False, "exception": "OpenSSL.crypto.Error",
                               "entries": [list(t) for t in e.args[0]] if e.args else []}
        except Exception as e:  # ValueError, TypeError: argument checks in pyOpenSSL itself
            entry["result"] = {"ok": False, "exception": type(e).__name__, "message": str(e)}
        out.append(entry)
    ctx.record("cases", out)
    ctx.record("passphrase", passphrase_cases(ctx))


def passphrase_cases(ctx):
    """pyOpenSSL's passphrase rules: what a callback receives, length limits, wrong types, cipher names."""
    enc = ctx.other("keys/rsa2048.trad-aes256.pem").read_bytes()
    plain = ctx.other("keys/rsa2048.pkcs8.pem").read_bytes()
    good = b"portcullis-test-passphrase"
    key = crypto.load_privatekey(crypto.FILETYPE_PEM, plain)
    P, A = crypto.FILETYPE_PEM, crypto.FILETYPE_ASN1
    out = []

    def run(label, fn):
        calls = []

        def recorder(result):
            def cb(*args):
                calls.append([repr(a) for a in args])
                return result
            return cb
        entry = {"call": label}
        try:
            value = fn(recorder)
            entry["result"] = {"ok": True, "value_type": type(value).__name__}
            if isinstance(value, bytes):
                entry["result"]["pem_lines"] = [ln for ln in value.decode("ascii", "replace").splitlines()[:3]
                                                if ln.startswith("-----") or ":" in ln]
        except crypto.Error as e:
            entry["result"] = {"ok": False, "exception": "OpenSSL.crypto.Error",
                               "entries": [list(t) for t in e.args[0]] if e.args else []}
        except Exception as e:
            entry["result"] = {"ok": False, "exception": type(e).__name__, "message": str(e)}
        entry["callback_calls"] = calls
        out.append(entry)

    run("load_privatekey(PEM, trad-aes256, callback -> good)", lambda r: crypto.load_privatekey(P, enc, r(good)))
    run("load_privatekey(PEM, trad-aes256, callback -> 1024 bytes)",
        lambda r: crypto.load_privatekey(P, enc, r(b"x" * 1024)))
    run("load_privatekey(PEM, trad-aes256, callback -> 1025 bytes)",
        lambda r: crypto.load_privatekey(P, enc, r(b"x" * 1025)))
    run("load_privatekey(PEM, trad-aes256, callback -> str)", lambda r: crypto.load_privatekey(P, enc, r(good.decode())))
    run("load_privatekey(PEM, trad-aes256, passphrase=str)", lambda r: crypto.load_privatekey(P, enc, good.decode()))
    run("load_privatekey(PEM, trad-aes256, passphrase=b'')", lambda r: crypto.load_privatekey(P, enc, b""))
    run("load_privatekey(PEM, trad-aes256, passphrase=1024 bytes)", lambda r: crypto.load_privatekey(P, enc, b"x" * 1024))
    run("load_privatekey(PEM, trad-aes256, passphrase=1025 bytes)", lambda r: crypto.load_privatekey(P, enc, b"x" * 1025))
    run("load_privatekey(PEM, trad-aes256, passphrase=42)", lambda r: crypto.load_privatekey(P, enc, 42))
    run("dump_privatekey(PEM, key, 'aes256', callback -> good)",
        lambda r: crypto.dump_privatekey(P, key, "aes256", r(good)))
    run("dump_privatekey(PEM, key, 'aes256', callback -> 1025 bytes)",
        lambda r: crypto.dump_privatekey(P, key, "aes256", r(b"x" * 1025)))
    run("dump_privatekey(PEM, key, 'aes256', passphrase=good)", lambda r: crypto.dump_privatekey(P, key, "aes256", good))
    run("dump_privatekey(PEM, key, 'des3', passphrase=good)", lambda r: crypto.dump_privatekey(P, key, "des3", good))
    run("dump_privatekey(PEM, key, 'aes256')", lambda r: crypto.dump_privatekey(P, key, "aes256"))
    run("dump_privatekey(PEM, key, passphrase=good) (no cipher)",
        lambda r: crypto.dump_privatekey(P, key, passphrase=good))
    run("dump_privatekey(PEM, key, 'no-such-cipher', passphrase=good)",
        lambda r: crypto.dump_privatekey(P, key, "no-such-cipher", good))
    run("dump_privatekey(ASN1, key, 'aes256', passphrase=good)",
        lambda r: crypto.dump_privatekey(A, key, "aes256", good))
    run("dump_privatekey(TEXT, key, 'aes256', passphrase=good)",
        lambda r: crypto.dump_privatekey(crypto.FILETYPE_TEXT, key, "aes256", good))
    return out
