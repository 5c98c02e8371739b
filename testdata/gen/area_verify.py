"""Area `verify`: certificate chains and the verdicts `openssl verify` and pyOpenSSL's
X509StoreContext give for them (good chains and one case per common failure)."""
import datetime
import re
import shutil

from OpenSSL import crypto

import pki

ORDER = 30
DEPENDS = ["keys"]

START, END = "20200101000000Z", "20400101000000Z"

CA = "basicConstraints = critical, CA:TRUE\nkeyUsage = critical, keyCertSign, cRLSign\n" \
     "subjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid:always\n"
LEAF = "basicConstraints = critical, CA:FALSE\nkeyUsage = critical, digitalSignature\n" \
       "extendedKeyUsage = serverAuth, clientAuth\nsubjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid:always\n"

# file -> (issuer file or None for self-signed, key id, serial, subject, extensions, start, end)
CERTS = [
    ("root.pem", None, "rsa2048", 0x100, "/O=Portcullis Verify/CN=Verify Root", CA, START, "20450101000000Z"),
    ("other-root.pem", None, "rsa1024", 0x101, "/O=Portcullis Verify/CN=Other Root", CA, START, "20450101000000Z"),
    ("intermediate.pem", "root.pem", "ec-p384", 0x200, "/O=Portcullis Verify/CN=Verify Intermediate",
     CA.replace("CA:TRUE", "CA:TRUE, pathlen:0"), START, "20420101000000Z"),
    # the same intermediate (subject and key) cross-signed by the other root
    ("intermediate-cross.pem", "other-root.pem", "ec-p384", 0x210, "/O=Portcullis Verify/CN=Verify Intermediate",
     CA.replace("CA:TRUE", "CA:TRUE, pathlen:0"), START, "20420101000000Z"),
    ("leaf.pem", "intermediate.pem", "ec-p256", 0x300, "/O=Portcullis Verify/CN=good.example.com",
     LEAF + "subjectAltName = DNS:good.example.com\n", START, END),
    # pathlen: intermediate has pathlen:0, a CA below it may not issue
    ("sub-intermediate.pem", "intermediate.pem", "rsa2048", 0x301, "/O=Portcullis Verify/CN=Sub Intermediate", CA,
     START, END),
    ("leaf-under-sub.pem", "sub-intermediate.pem", "ec-p256", 0x400, "/O=Portcullis Verify/CN=too deep",
     LEAF, START, END),
    # an end-entity certificate used as an issuer
    ("not-a-ca.pem", "root.pem", "rsa2048", 0x201, "/O=Portcullis Verify/CN=Not A CA", LEAF, START, END),
    ("leaf-under-not-a-ca.pem", "not-a-ca.pem", "ec-p256", 0x500, "/O=Portcullis Verify/CN=issued by non-CA",
     LEAF, START, END),
    # a CA whose keyUsage lacks keyCertSign
    ("ca-no-certsign.pem", "root.pem", "rsa2048", 0x202, "/O=Portcullis Verify/CN=CA without keyCertSign",
     CA.replace("keyCertSign, cRLSign", "digitalSignature, cRLSign"), START, END),
    ("leaf-under-no-certsign.pem", "ca-no-certsign.pem", "ec-p256", 0x600, "/O=Portcullis Verify/CN=under no-certsign",
     LEAF, START, END),
    # name constraints
    ("nc-ca.pem", "root.pem", "rsa2048", 0x203, "/O=Portcullis Verify/CN=Name Constrained CA",
     CA + "nameConstraints = critical, permitted;DNS:.example.com, excluded;DNS:bad.example.com\n", START, END),
    ("nc-leaf-ok.pem", "nc-ca.pem", "ec-p256", 0x700, "/O=Portcullis Verify/CN=ok.example.com",
     LEAF + "subjectAltName = DNS:ok.example.com\n", START, END),
    ("nc-leaf-outside.pem", "nc-ca.pem", "ec-p256", 0x701, "/O=Portcullis Verify/CN=evil.test",
     LEAF + "subjectAltName = DNS:evil.test\n", START, END),
    ("nc-leaf-excluded.pem", "nc-ca.pem", "ec-p256", 0x702, "/O=Portcullis Verify/CN=bad.example.com",
     LEAF + "subjectAltName = DNS:bad.example.com\n", START, END),
    # validity
    ("expired.pem", "root.pem", "ec-p256", 0x800, "/O=Portcullis Verify/CN=expired", LEAF, "20100101000000Z",
     "20110101000000Z"),
    ("not-yet-valid.pem", "root.pem", "ec-p256", 0x801, "/O=Portcullis Verify/CN=not yet valid", LEAF,
     "20450101000000Z", "20490101000000Z"),
    # revocation
    ("revoked.pem", "root.pem", "ec-p256", 0x802, "/O=Portcullis Verify/CN=revoked", LEAF, START, END),
    ("root-leaf.pem", "root.pem", "ec-p256", 0x803, "/O=Portcullis Verify/CN=not revoked", LEAF, START, END),
    # purpose
    ("client-only.pem", "root.pem", "ec-p256", 0x804, "/O=Portcullis Verify/CN=client only",
     LEAF.replace("serverAuth, clientAuth", "clientAuth"), START, END),
    # strictness
    ("no-aki.pem", "root.pem", "ec-p256", 0x805, "/O=Portcullis Verify/CN=no AKI",
     "basicConstraints = critical, CA:FALSE\nsubjectKeyIdentifier = hash\n", START, END),
    ("ca-bc-not-critical.pem", "root.pem", "rsa2048", 0x204, "/O=Portcullis Verify/CN=CA bc not critical",
     CA.replace("critical, CA:TRUE", "CA:TRUE"), START, END),
    ("leaf-under-bc-not-critical.pem", "ca-bc-not-critical.pem", "ec-p256", 0x900,
     "/O=Portcullis Verify/CN=under bc-not-critical", LEAF, START, END),
    # hostname / IP / e-mail checks (openssl verify -verify_hostname/-verify_ip/-verify_email)
    ("host-wildcard.pem", "root.pem", "ec-p256", 0xA00, "/O=Portcullis Verify/CN=cn.example.org",
     LEAF + "subjectAltName = DNS:*.example.com, DNS:example.net, IP:192.0.2.7, IP:2001:db8::7, "
            "email:user@example.com\n", START, END),
    ("host-cn-only.pem", "root.pem", "ec-p256", 0xA01, "/O=Portcullis Verify/CN=cnonly.example.com", LEAF, START, END),
    ("host-partial-wildcard.pem", "root.pem", "ec-p256", 0xA02, "/O=Portcullis Verify/CN=partial",
     LEAF + "subjectAltName = DNS:w*.example.com, DNS:*.*.example.org, DNS:xn--bcher-kva.example\n", START, END),
    # an unknown critical extension, and a certificate policy
    ("critical-unknown.pem", "root.pem", "ec-p256", 0xB00, "/O=Portcullis Verify/CN=critical unknown extension",
     LEAF + "1.3.6.1.4.1.55555.1 = critical, ASN1:UTF8String:must understand\n", START, END),
    ("policy-leaf.pem", "root.pem", "ec-p256", 0xB01, "/O=Portcullis Verify/CN=policy leaf",
     LEAF + "certificatePolicies = 1.3.6.1.4.1.55555.100\n", START, END),
    # self-signed end-entity
    ("self-signed-leaf.pem", None, "ec-p256", 0x901, "/O=Portcullis Verify/CN=self signed leaf", LEAF, START, END),
]

KEY_OF = {c[0]: c[2] for c in CERTS}

# id -> dict(cert, trusted, untrusted, crls, flags, purpose, attime, capath)
CASES = [
    ("good-chain", dict(cert="leaf.pem", trusted=["root.pem"], untrusted=["intermediate.pem"])),
    ("good-chain-trusted-intermediate", dict(cert="leaf.pem", trusted=["root.pem", "intermediate.pem"])),
    ("missing-intermediate", dict(cert="leaf.pem", trusted=["root.pem"])),
    ("cross-signed-via-other-root", dict(cert="leaf.pem", trusted=["other-root.pem"],
                                         untrusted=["intermediate-cross.pem"])),
    ("cross-signed-both-intermediates-root-trusted", dict(cert="leaf.pem", trusted=["root.pem"],
                                                          untrusted=["intermediate-cross.pem", "intermediate.pem"])),
    ("cross-signed-both-intermediates-other-trusted", dict(cert="leaf.pem", trusted=["other-root.pem"],
                                                           untrusted=["intermediate.pem", "intermediate-cross.pem"])),
    ("cross-signed-both-intermediates-root-trusted-own-first", dict(
        cert="leaf.pem", trusted=["root.pem"], untrusted=["intermediate.pem", "intermediate-cross.pem"])),
    ("cross-signed-both-intermediates-other-trusted-cross-first", dict(
        cert="leaf.pem", trusted=["other-root.pem"], untrusted=["intermediate-cross.pem", "intermediate.pem"])),
    ("cross-signed-only-cross-root-trusted", dict(cert="leaf.pem", trusted=["root.pem"],
                                                  untrusted=["intermediate-cross.pem"])),
    ("wrong-root", dict(cert="leaf.pem", trusted=["other-root.pem"], untrusted=["intermediate.pem"])),
    ("untrusted-root", dict(cert="leaf.pem", trusted=[], untrusted=["intermediate.pem", "root.pem"])),
    ("self-signed-leaf", dict(cert="self-signed-leaf.pem", trusted=["root.pem"])),
    ("self-signed-leaf-trusted", dict(cert="self-signed-leaf.pem", trusted=["self-signed-leaf.pem"])),
    ("expired", dict(cert="expired.pem", trusted=["root.pem"])),
    ("good-chain-attime-2030", dict(cert="leaf.pem", trusted=["root.pem"], untrusted=["intermediate.pem"],
                                    attime=1893456000)),  # 2030-01-01T00:00:00Z
    ("good-chain-attime-2041", dict(cert="leaf.pem", trusted=["root.pem"], untrusted=["intermediate.pem"],
                                    attime=2240611200)),  # 2041-01-01T00:00:00Z: the leaf has expired
    ("good-chain-attime-2019", dict(cert="leaf.pem", trusted=["root.pem"], untrusted=["intermediate.pem"],
                                    attime=1546300800)),  # 2019-01-01T00:00:00Z: nothing valid yet
    ("not-yet-valid", dict(cert="not-yet-valid.pem", trusted=["root.pem"])),
    ("pathlen-exceeded", dict(cert="leaf-under-sub.pem", trusted=["root.pem"],
                              untrusted=["intermediate.pem", "sub-intermediate.pem"])),
    ("issuer-not-ca", dict(cert="leaf-under-not-a-ca.pem", trusted=["root.pem"], untrusted=["not-a-ca.pem"])),
    ("issuer-no-keycertsign", dict(cert="leaf-under-no-certsign.pem", trusted=["root.pem"],
                                   untrusted=["ca-no-certsign.pem"])),
    ("name-constraints-ok", dict(cert="nc-leaf-ok.pem", trusted=["root.pem"], untrusted=["nc-ca.pem"])),
    ("name-constraints-outside", dict(cert="nc-leaf-outside.pem", trusted=["root.pem"], untrusted=["nc-ca.pem"])),
    ("name-constraints-excluded", dict(cert="nc-leaf-excluded.pem", trusted=["root.pem"], untrusted=["nc-ca.pem"])),
    ("revoked", dict(cert="revoked.pem", trusted=["root.pem"], crls=["root.crl.pem"], flags=["crl_check"])),
    ("not-revoked", dict(cert="root-leaf.pem", trusted=["root.pem"], crls=["root.crl.pem"], flags=["crl_check"])),
    ("revoked-without-crl-check", dict(cert="revoked.pem", trusted=["root.pem"], crls=["root.crl.pem"])),
    ("crl-missing", dict(cert="root-leaf.pem", trusted=["root.pem"], flags=["crl_check"])),
    ("crl-check-all-chain", dict(cert="leaf.pem", trusted=["root.pem"], untrusted=["intermediate.pem"],
                                 crls=["root.crl.pem", "intermediate.crl.pem"], flags=["crl_check_all"])),
    ("crl-check-all-missing-root-crl", dict(cert="leaf.pem", trusted=["root.pem"], untrusted=["intermediate.pem"],
                                            crls=["intermediate.crl.pem"], flags=["crl_check_all"])),
    ("partial-chain", dict(cert="leaf.pem", trusted=["intermediate.pem"], flags=["partial_chain"])),
    ("no-partial-chain", dict(cert="leaf.pem", trusted=["intermediate.pem"])),
    ("leaf-trusted-partial-chain", dict(cert="leaf.pem", trusted=["leaf.pem"], flags=["partial_chain"])),
    ("strict-no-aki", dict(cert="no-aki.pem", trusted=["root.pem"], flags=["x509_strict"])),
    ("lenient-no-aki", dict(cert="no-aki.pem", trusted=["root.pem"])),
    ("strict-ca-bc-not-critical", dict(cert="leaf-under-bc-not-critical.pem", trusted=["root.pem"],
                                       untrusted=["ca-bc-not-critical.pem"], flags=["x509_strict"])),
    ("lenient-ca-bc-not-critical", dict(cert="leaf-under-bc-not-critical.pem", trusted=["root.pem"],
                                        untrusted=["ca-bc-not-critical.pem"])),
    ("purpose-sslserver-mismatch", dict(cert="client-only.pem", trusted=["root.pem"], purpose="sslserver")),
    ("purpose-sslclient-ok", dict(cert="client-only.pem", trusted=["root.pem"], purpose="sslclient")),
    ("critical-unknown", dict(cert="critical-unknown.pem", trusted=["root.pem"])),
    ("critical-unknown-ignored", dict(cert="critical-unknown.pem", trusted=["root.pem"], flags=["ignore_critical"])),
    ("policy-explicit", dict(cert="policy-leaf.pem", trusted=["root.pem"], flags=["explicit_policy"])),
    ("policy-explicit-no-policy-cert", dict(cert="root-leaf.pem", trusted=["root.pem"], flags=["explicit_policy"])),
    ("policy-explicit-matching-oid", dict(cert="policy-leaf.pem", trusted=["root.pem"], flags=["explicit_policy"],
                                          policy="1.3.6.1.4.1.55555.100")),
    ("policy-explicit-other-oid", dict(cert="policy-leaf.pem", trusted=["root.pem"], flags=["explicit_policy"],
                                       policy="1.3.6.1.4.1.55555.999")),
    ("capath-good", dict(cert="leaf.pem", capath="capath", untrusted=["intermediate.pem"])),
    ("capath-revoked", dict(cert="revoked.pem", capath="capath", flags=["crl_check"])),
    ("capath-not-revoked", dict(cert="root-leaf.pem", capath="capath", flags=["crl_check"])),
]

HOST_CHECKS = [
    ("host-wildcard.pem", "verify_hostname", ["www.example.com", "example.com", "a.b.example.com", "WWW.Example.COM",
                                              "example.net", "www.example.net", "cn.example.org", "www.example.com.",
                                              "192.0.2.7"]),
    ("host-wildcard.pem", "verify_ip", ["192.0.2.7", "2001:db8::7", "2001:0db8:0:0:0:0:0:7", "192.0.2.8", "::ffff:192.0.2.7"]),
    ("host-wildcard.pem", "verify_email", ["user@example.com", "USER@example.com", "user@EXAMPLE.COM",
                                           "other@example.com"]),
    ("host-cn-only.pem", "verify_hostname", ["cnonly.example.com", "other.example.com"]),
    ("host-partial-wildcard.pem", "verify_hostname", ["www.example.com", "w.example.com", "ww.example.com",
                                                      "a.b.example.org", "xn--bcher-kva.example", "bücher.example"]),
]
for _cert, _flag, _values in HOST_CHECKS:
    for _v in _values:
        CASES.append(("%s-%s-%s" % (_cert[:-4], _flag.replace("verify_", ""), _v),
                      {"cert": _cert, "trusted": ["root.pem"], _flag: _v}))

ERROR_LINE = re.compile(r"error (\d+) at (\d+) depth lookup: ?(.*)")

# `openssl verify -crl_check_all` sets both CRL flags (CRL_CHECK_ALL alone does nothing in OpenSSL)
PY_FLAGS = {"crl_check": crypto.X509StoreFlags.CRL_CHECK,
            "crl_check_all": crypto.X509StoreFlags.CRL_CHECK | crypto.X509StoreFlags.CRL_CHECK_ALL,
            "partial_chain": crypto.X509StoreFlags.PARTIAL_CHAIN, "x509_strict": crypto.X509StoreFlags.X509_STRICT,
            "ignore_critical": crypto.X509StoreFlags.IGNORE_CRITICAL,
            "explicit_policy": crypto.X509StoreFlags.EXPLICIT_POLICY}


def make(ctx):
    certs = {}
    for rel, issuer, kid, serial, subj, ext, start, end in CERTS:
        csr = ctx.scratch(rel + ".csr")
        key = ctx.other("keys/%s.pkcs8.pem" % kid)
        pki.make_csr(ctx, key, csr, subj)
        if issuer is None:
            cmd = pki.ca_sign(ctx, rel, csr, ctx.path(rel), serial, start, end, ext, ca_key=key)
        else:
            cmd = pki.ca_sign(ctx, rel, csr, ctx.path(rel), serial, start, end, ext, ca_cert=ctx.path(issuer),
                              ca_key=ctx.other("keys/%s.pkcs8.pem" % KEY_OF[issuer]))
        certs[ctx.fixture(rel)] = {"made_by": cmd, "key": "keys/%s.pkcs8.pem" % kid, "serial": serial,
                                   "subject": ctx.openssl("x509", "-in", rel, "-noout", "-subject").text.strip()}
    ctx.record("certs", certs)
    ctx.record("crls", make_crls(ctx))
    ctx.record("capath", make_capath(ctx))
    # "cases": what pyOpenSSL's X509Store can express (plus -purpose); "option_cases": cases that need an option
    # pyOpenSSL 23 cannot set (-verify_hostname/-verify_ip/-verify_email, -policy), kept apart so that a consumer
    # of "cases" never meets a spec key it cannot apply
    ctx.record("cases", {cid: run_case(ctx, spec) for cid, spec in CASES if not _needs_option(spec)})
    ctx.record("option_cases", {cid: run_case(ctx, spec) for cid, spec in CASES if _needs_option(spec)})


OPTIONS = ("verify_hostname", "verify_ip", "verify_email", "policy")


def _needs_option(spec):
    return any(spec.get(k) for k in OPTIONS)


def make_crls(ctx):
    out = {}
    cmd = pki.gen_crl(ctx, "root", ctx.path("root.pem"), ctx.other("keys/rsa2048.pkcs8.pem"),
                      [{"serial": 0x802, "revoked": "210101000000Z", "reason": "keyCompromise",
                        "subject": "/O=Portcullis Verify/CN=revoked"}],
                      ctx.path("root.crl.pem"), "20250101000000Z", "20450101000000Z", crlnumber=1,
                      crl_ext="authorityKeyIdentifier = keyid:always")
    out[ctx.fixture("root.crl.pem")] = {"made_by": cmd, "revoked_serials": [0x802],
                                        "text": ctx.openssl("crl", "-in", "root.crl.pem", "-noout", "-text").text}
    cmd = pki.gen_crl(ctx, "int", ctx.path("intermediate.pem"), ctx.other("keys/ec-p384.pkcs8.pem"), [],
                      ctx.path("intermediate.crl.pem"), "20250101000000Z", "20450101000000Z", crlnumber=1,
                      crl_ext="authorityKeyIdentifier = keyid:always")
    out[ctx.fixture("intermediate.crl.pem")] = {"made_by": cmd, "revoked_serials": [],
                                                "text": ctx.openssl("crl", "-in", "intermediate.crl.pem", "-noout",
                                                                    "-text").text}
    return out


def make_capath(ctx):
    """`openssl rehash` on a directory with the root and its CRL; the links are stored as plain copies."""
    work = ctx.scratch("capath")
    work.mkdir(parents=True, exist_ok=True)
    shutil.copy(ctx.path("root.pem"), work / "root.pem")
    shutil.copy(ctx.path("root.crl.pem"), work / "root.crl.pem")
    res = ctx.run("openssl", "rehash", "-v", work, cwd=work)
    names = {}
    for p in sorted(work.iterdir()):
        if p.is_symlink():
            target = p.resolve().name
            ctx.write("capath/" + p.name, p.read_bytes())
            names["verify/capath/" + p.name] = "verify/" + target
    return {"rehash_output": res.text.replace(str(work), "<capath>"), "files": names,
            "note": "openssl rehash made symbolic links; they are stored as copies of their targets"}


def openssl_argv(spec):
    argv = ["openssl", "verify", "-show_chain", "-no-CAfile", "-no-CApath", "-no-CAstore"]
    if spec.get("trusted"):
        bundle = "trusted-" + "+".join(t[:-4] for t in spec["trusted"]) + ".pem"
        argv += ["-CAfile", bundle]
    if spec.get("capath"):
        argv += ["-CApath", spec["capath"]]
    if spec.get("untrusted"):
        argv += ["-untrusted", "untrusted-" + "+".join(u[:-4] for u in spec["untrusted"]) + ".pem"]
    for crl in spec.get("crls", []):
        argv += ["-CRLfile", crl]
    for f in spec.get("flags", []):
        argv.append("-" + f)
    if spec.get("purpose"):
        argv += ["-purpose", spec["purpose"]]
    if spec.get("policy"):
        argv += ["-policy", spec["policy"]]
    if spec.get("attime"):
        argv += ["-attime", str(spec["attime"])]
    for flag in ("verify_hostname", "verify_ip", "verify_email"):
        if spec.get(flag):
            argv += ["-" + flag, spec[flag]]
    argv.append(spec["cert"])
    return argv


def bundle(ctx, argv, flag, files):
    if flag in argv:
        name = argv[argv.index(flag) + 1]
        ctx.write(name, b"".join(ctx.read(f) for f in files))


def run_case(ctx, spec):
    argv = openssl_argv(spec)
    bundle(ctx, argv, "-CAfile", spec.get("trusted", []))
    bundle(ctx, argv, "-untrusted", spec.get("untrusted", []))
    res = ctx.run(*argv, ok=None)
    errors = [{"code": int(m.group(1)), "depth": int(m.group(2)), "message": m.group(3)}
              for m in ERROR_LINE.finditer(res.text + "\n" + res.err)]
    case = {"spec": {k: (["verify/" + f for f in v] if isinstance(v, list) and k != "flags" else
                         ("verify/" + v if k in ("cert", "capath") else v)) for k, v in spec.items()},
            "openssl": {"command": " ".join(argv), "exit": res.rc, "stdout": res.text, "stderr": res.err,
                        "errors": errors, "verdict": "OK" if res.rc == 0 else "FAIL"}}
    # pyOpenSSL 23's X509Store cannot set a purpose, a policy OID or a host/IP/e-mail to check
    if not any(spec.get(k) for k in ("purpose", "policy", "verify_hostname", "verify_ip", "verify_email")):
        case["pyopenssl"] = run_pyopenssl(ctx, spec)
    return case


def run_pyopenssl(ctx, spec):
    load = lambda rel: crypto.load_certificate(crypto.FILETYPE_PEM, ctx.read(rel))  # noqa: E731
    store = crypto.X509Store()
    for t in spec.get("trusted", []):
        store.add_cert(load(t))
    for c in spec.get("crls", []):
        store.add_crl(crypto.load_crl(crypto.FILETYPE_PEM, ctx.read(c)))
    flags = 0
    flag_names = []
    for f in spec.get("flags", []):
        flags |= PY_FLAGS[f]
        flag_names += {"crl_check": ["CRL_CHECK"], "crl_check_all": ["CRL_CHECK", "CRL_CHECK_ALL"],
                       "partial_chain": ["PARTIAL_CHAIN"], "x509_strict": ["X509_STRICT"],
                       "ignore_critical": ["IGNORE_CRITICAL"], "explicit_policy": ["EXPLICIT_POLICY"]}[f]
    if flags:
        store.set_flags(flags)
    if spec.get("attime"):
        store.set_time(datetime.datetime.utcfromtimestamp(spec["attime"]))
    if spec.get("capath"):
        store.load_locations(None, str(ctx.path(spec["capath"])))
    chain = [load(u) for u in spec.get("untrusted", [])]
    sc = crypto.X509StoreContext(store, load(spec["cert"]), chain or None)
    try:
        verified = sc.get_verified_chain()
        return {"ok": True, "verified_chain_subjects": [str(c.get_subject()) for c in verified],
                "store_flags": flag_names, "calls": "X509StoreContext(store, cert, chain).get_verified_chain()"}
    except crypto.X509StoreContextError as e:
        return {"ok": False, "errors": e.errors, "message": str(e),
                "certificate_subject": _subject_or_none(e.certificate), "store_flags": flag_names,
                "calls": "X509StoreContext(store, cert, chain).get_verified_chain()"}


def _subject_or_none(cert):
    """The subject of X509StoreContextError.certificate, or None when pyOpenSSL 23 wrapped a NULL certificate
    (OpenSSL has no current certificate for some errors, e.g. 43 "no explicit policy"; touching it would crash)."""
    from OpenSSL._util import ffi
    if cert is None or cert._x509 == ffi.NULL:
        return None
    return str(cert.get_subject())
