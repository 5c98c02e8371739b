"""Area `containers`: PKCS#12 (openssl, keytool, pk12util, pyOpenSSL), PKCS#7 (crl2pkcs7, smime, cms),
CRLs (openssl ca -gencrl, pyOpenSSL) and SPKAC (openssl spkac, pyOpenSSL NetscapeSPKI), with what
openssl and pyOpenSSL print about them."""
import datetime

from OpenSSL import crypto

import pki
from common import hexlify, pyopenssl_call

ORDER = 40
DEPENDS = ["keys", "x509"]

PASSWORD = "p12-password"
MESSAGE = "Portcullis PKCS#7 test message.\r\nSecond line.\r\n"


def make(ctx):
    ctx.record("password", PASSWORD)
    ctx.record("pkcs12", pkcs12(ctx))
    ctx.record("crl", crls(ctx))
    ctx.record("pkcs7", pkcs7(ctx))
    ctx.record("spkac", spkac(ctx))


# ---------------------------------------------------------------------------------------------- PKCS#12
def pkcs12(ctx):
    leaf, leaf_key = ctx.other("x509/chain/leaf.pem"), ctx.other("keys/ec-p256.pkcs8.pem")
    rsa_cert, rsa_key = ctx.other("x509/selfsigned/rsa2048.pem"), ctx.other("keys/rsa2048.pkcs8.pem")
    ctx.write("p12/ca-chain.pem", ctx.other("x509/chain/intermediate.pem").read_bytes()
              + ctx.other("x509/chain/root.pem").read_bytes())
    out = {}
    P = "pass:" + PASSWORD
    cases = [
        ("modern-chain-named", ["-in", leaf, "-inkey", leaf_key, "-certfile", "p12/ca-chain.pem",
                                "-name", "leaf friendly name", "-passout", P], PASSWORD),
        ("modern-rsa", ["-in", rsa_cert, "-inkey", rsa_key, "-passout", P], PASSWORD),
        ("modern-unicode-name", ["-in", rsa_cert, "-inkey", rsa_key, "-name", "Schlüssel ключ 鍵",
                                 "-passout", P], PASSWORD),
        ("legacy-rc2-3des", ["-legacy", "-in", leaf, "-inkey", leaf_key, "-certfile", "p12/ca-chain.pem",
                             "-name", "legacy entry", "-passout", P], PASSWORD),
        ("legacy-3des-sha1", ["-in", rsa_cert, "-inkey", rsa_key, "-certpbe", "PBE-SHA1-3DES", "-keypbe",
                              "PBE-SHA1-3DES", "-macalg", "sha1", "-name", "3des entry", "-passout", P], PASSWORD),
        ("nomac", ["-in", rsa_cert, "-inkey", rsa_key, "-nomac", "-passout", P], PASSWORD),
        ("noenc", ["-in", rsa_cert, "-inkey", rsa_key, "-keypbe", "NONE", "-certpbe", "NONE", "-name", "plain",
                   "-passout", P], PASSWORD),
        ("empty-password", ["-in", rsa_cert, "-inkey", rsa_key, "-passout", "pass:"], ""),
        ("certs-only", ["-nokeys", "-in", "p12/ca-chain.pem", "-passout", P], PASSWORD),
        ("key-only", ["-nocerts", "-inkey", rsa_key, "-name", "key without certificate", "-passout", P], PASSWORD),
        ("modern-chain-canames", ["-in", leaf, "-inkey", leaf_key, "-certfile", "p12/ca-chain.pem",
                                  "-name", "leaf", "-caname", "intermediate ca", "-caname", "root ca",
                                  "-passout", P], PASSWORD),
        ("macalg-sha512-iter1", ["-in", rsa_cert, "-inkey", rsa_key, "-macalg", "sha512", "-iter", "1",
                                 "-maciter", "-passout", P], PASSWORD),
        ("ed25519", ["-in", ctx.other("x509/selfsigned/ed25519.pem"), "-inkey",
                     ctx.other("keys/ed25519.pkcs8.pem"), "-name", "ed25519", "-passout", P], PASSWORD),
    ]
    for cid, args, pw in cases:
        rel = "p12/%s.p12" % cid
        res = ctx.openssl("pkcs12", "-export", *args, "-out", rel)
        out[ctx.fixture(rel)] = describe_p12(ctx, rel, pw, res.command)
    out.update(keytool_p12(ctx))
    out.update(pk12util_p12(ctx))
    out.update(pyopenssl_p12(ctx))
    return out


def describe_p12(ctx, rel, pw, made_by):
    info = {"made_by": made_by, "password": pw}
    for tag, extra in (("info_nokeys", ["-info", "-nokeys"]), ("info_nocerts", ["-info", "-nocerts", "-nodes"])):
        res = ctx.openssl("pkcs12", "-in", rel, "-passin", "pass:" + pw, *extra, ok=None)
        if res.rc != 0:
            first = res.record()
            res = ctx.openssl("pkcs12", "-legacy", "-in", rel, "-passin", "pass:" + pw, *extra, ok=None)
            info[tag + "_without_legacy"] = {"exit": first["exit"], "stderr": first["stderr"]}
        info[tag] = res.record()
    r = pyopenssl_call(crypto.load_pkcs12, ctx.read(rel), pw.encode())
    if r["ok"]:
        p = r["value"]
        cert, key, cas = p.get_certificate(), p.get_privatekey(), p.get_ca_certificates()
        info["pyopenssl"] = {
            "ok": True,
            "friendlyname": p.get_friendlyname().decode("utf-8", "replace") if p.get_friendlyname() else None,
            "friendlyname_hex": hexlify(p.get_friendlyname()) if p.get_friendlyname() else None,
            "certificate": {"subject": str(cert.get_subject()), "serial": cert.get_serial_number()} if cert else None,
            "privatekey": {"type": key.type(), "bits": key.bits(),
                           "public_asn1_hex": hexlify(crypto.dump_publickey(crypto.FILETYPE_ASN1, key))}
            if key else None,
            "ca_certificates": [{"subject": str(c.get_subject()), "serial": c.get_serial_number()} for c in cas]
            if cas is not None else None,
        }
    else:
        info["pyopenssl"] = {"ok": False, "error": r["error"]}
    return info


def keytool_p12(ctx):
    out = {}
    rel = "p12/keytool-rsa.p12"
    res = ctx.run("keytool", "-genkeypair", "-alias", "keytool entry", "-keyalg", "RSA", "-keysize", "2048",
                  "-dname", "CN=keytool, O=Portcullis Test, C=US", "-validity", "7300", "-storetype", "PKCS12",
                  "-keystore", rel, "-storepass", PASSWORD, "-keypass", PASSWORD)
    out[ctx.fixture(rel)] = describe_p12(ctx, rel, PASSWORD, res.command)
    out[ctx.fixture(rel)]["keytool_list"] = ctx.run("keytool", "-list", "-v", "-keystore", rel, "-storepass",
                                                    PASSWORD, "-storetype", "PKCS12").text
    rel = "p12/keytool-truststore.p12"
    res = ctx.run("keytool", "-importcert", "-noprompt", "-alias", "trusted root", "-file",
                  ctx.other("x509/chain/root.pem"), "-storetype", "PKCS12", "-keystore", rel, "-storepass", PASSWORD)
    out[ctx.fixture(rel)] = describe_p12(ctx, rel, PASSWORD, res.command)
    out[ctx.fixture(rel)]["keytool_list"] = ctx.run("keytool", "-list", "-v", "-keystore", rel, "-storepass",
                                                    PASSWORD, "-storetype", "PKCS12").text
    return out


def pk12util_p12(ctx):
    db = ctx.scratch("nssdb")
    db.mkdir(parents=True, exist_ok=True)
    ctx.run("certutil", "-N", "-d", "sql:%s" % db, "--empty-password")
    noise = ctx.scratch("noise.bin")
    noise.write_bytes(bytes(range(256)) * 8)
    ctx.run("certutil", "-S", "-d", "sql:%s" % db, "-n", "pk12util entry", "-s", "CN=pk12util,O=Portcullis Test",
            "-x", "-t", "u,u,u", "-k", "rsa", "-g", "2048", "-m", "4242", "-v", "240", "-z", noise)
    rel = "p12/pk12util-rsa.p12"
    res = ctx.run("pk12util", "-o", ctx.path(rel), "-n", "pk12util entry", "-d", "sql:%s" % db,
                  "-W", PASSWORD)
    info = describe_p12(ctx, rel, PASSWORD, "certutil -S -x -n 'pk12util entry' -k rsa -g 2048 -m 4242; "
                                            "pk12util -o %s -n 'pk12util entry' -W %s" % (rel, PASSWORD))
    info["pk12util_stdout"] = res.text
    info["pk12util_list"] = ctx.run("pk12util", "-l", ctx.path(rel), "-W", PASSWORD).text
    return {ctx.fixture(rel): info}


def pyopenssl_p12(ctx):
    cert = crypto.load_certificate(crypto.FILETYPE_PEM, ctx.other("x509/chain/leaf.pem").read_bytes())
    key = crypto.load_privatekey(crypto.FILETYPE_PEM, ctx.other("keys/ec-p256.pkcs8.pem").read_bytes())
    ca = [crypto.load_certificate(crypto.FILETYPE_PEM, ctx.other("x509/chain/intermediate.pem").read_bytes())]
    p = crypto.PKCS12()
    p.set_certificate(cert)
    p.set_privatekey(key)
    p.set_ca_certificates(ca)
    p.set_friendlyname(b"pyopenssl friendly")
    rel = "p12/pyopenssl-export.p12"
    ctx.write(rel, p.export(PASSWORD.encode()))
    return {ctx.fixture(rel): describe_p12(ctx, rel, PASSWORD, "pyOpenSSL PKCS12().export(passphrase) with "
                                                              "leaf, key, [intermediate], friendlyname")}


# ---------------------------------------------------------------------------------------------- CRLs
REVOKED = [
    {"serial": 0x1001, "revoked": "230101000000Z", "reason": "keyCompromise"},
    {"serial": 0x1002, "revoked": "230102000000Z", "reason": "keyTime", "extra": "20221225000000Z"},
    {"serial": 0x1003, "revoked": "230103000000Z", "reason": "CAkeyTime", "extra": "20221226000000Z"},
    {"serial": 0x1004, "revoked": "230104000000Z", "reason": "affiliationChanged"},
    {"serial": 0x1005, "revoked": "230105000000Z", "reason": "superseded"},
    {"serial": 0x1006, "revoked": "230106000000Z", "reason": "cessationOfOperation"},
    {"serial": 0x1007, "revoked": "230107000000Z", "reason": "certificateHold", "extra": "holdInstructionReject"},
    {"serial": 0x1008, "revoked": "230108000000Z", "reason": "removeFromCRL"},
    {"serial": 0x1009, "revoked": "230109000000Z", "reason": "unspecified"},
    {"serial": 0x100A, "revoked": "230110000000Z"},
    {"serial": 0x00FFEEDDCCBBAA998877, "revoked": "230111000000Z", "reason": "CACompromise"},
]


def crls(ctx):
    root, root_key = ctx.other("x509/chain/root.pem"), ctx.other("keys/rsa2048.pkcs8.pem")
    out = {}
    cases = [
        ("crl/v2-reasons.pem", REVOKED, 42, "authorityKeyIdentifier = keyid:always"),
        ("crl/v2-empty.pem", [], 7, "authorityKeyIdentifier = keyid:always"),
        ("crl/v1.pem", [{"serial": 0x2001, "revoked": "230201000000Z"}, {"serial": 0x2002, "revoked": "230202000000Z"}],
         None, None),
        ("crl/v1-empty.pem", [], None, None),
    ]
    for rel, entries, number, ext in cases:
        cmd = pki.gen_crl(ctx, rel.replace("/", "-"), root, root_key, entries, ctx.path(rel), "20250101000000Z",
                          "20450101000000Z", crlnumber=number, crl_ext=ext)
        out[ctx.fixture(rel)] = describe_crl(ctx, rel, cmd)
    out.update(big_crl(ctx, root, root_key))
    out.update(pyopenssl_crl(ctx))
    return out


def describe_crl(ctx, rel, made_by, full=True):
    der_rel = rel[:-4] + ".der"
    ctx.openssl("crl", "-in", rel, "-outform", "DER", "-out", der_rel)
    crl = crypto.load_crl(crypto.FILETYPE_PEM, ctx.read(rel))
    revoked = crl.get_revoked() or ()
    entries = [{"serial": r.get_serial().decode(), "reason": r.get_reason().decode() if r.get_reason() else None,
                "rev_date": r.get_rev_date().decode()} for r in revoked]
    info = {"pem": ctx.fixture(rel), "der": ctx.fixture(der_rel), "made_by": made_by,
            "openssl_fields": ctx.openssl("crl", "-in", rel, "-noout", "-issuer", "-lastupdate", "-nextupdate",
                                          "-hash", "-fingerprint", "-crlnumber", ok=None).text,
            "pyopenssl": {"issuer_str": str(crl.get_issuer()),
                          "issuer_components": pki.components(crl.get_issuer()),
                          "revoked_count": len(revoked),
                          "revoked": entries if full else entries[:3] + entries[-3:]}}
    text = ctx.openssl("crl", "-in", rel, "-noout", "-text").text
    if full:
        info["openssl_text"] = text
        info["pyopenssl"]["dump_text"] = crypto.dump_crl(crypto.FILETYPE_TEXT, crl).decode()
    else:
        lines = text.splitlines(True)
        info["openssl_text_head"] = "".join(lines[:30])
        info["openssl_text_tail"] = "".join(lines[-30:])
        info["pyopenssl"]["revoked_note"] = "first three and last three entries of get_revoked()"
    return info


def big_crl(ctx, root, root_key):
    entries = [{"serial": 0x100000 + i, "revoked": "2301%02d%02d%02d00Z" % (1 + i // 1440 % 28, i // 60 % 24, i % 60)}
               for i in range(10000)]
    pem = ctx.scratch("big.pem")
    cmd = pki.gen_crl(ctx, "big", root, root_key, entries, pem, "20250101000000Z", "20450101000000Z",
                      crlnumber=10000, crl_ext="authorityKeyIdentifier = keyid:always")
    # stored as DER only (smaller); the PEM twin is not committed
    ctx.write("crl/big-10000.pem", pem.read_bytes())
    info = describe_crl(ctx, "crl/big-10000.pem", cmd, full=False)
    ctx.path("crl/big-10000.pem").unlink()
    info["pem"] = None
    return {ctx.fixture("crl/big-10000.der"): info}


def pyopenssl_crl(ctx):
    cert = crypto.load_certificate(crypto.FILETYPE_PEM, ctx.other("x509/chain/root.pem").read_bytes())
    key = crypto.load_privatekey(crypto.FILETYPE_PEM, ctx.other("keys/rsa2048.pkcs8.pem").read_bytes())
    crl = crypto.CRL()
    for serial, reason, date in ((b"0a0b", b"keyCompromise", b"20230301000000Z"), (b"03e8", None, b"20230302000000Z"),
                                 (b"abcdef0123", b"superseded", b"20230303000000Z")):
        r = crypto.Revoked()
        r.set_serial(serial)
        r.set_rev_date(date)
        if reason:
            r.set_reason(reason)
        crl.add_revoked(r)
    crl.set_lastUpdate(b"20250101000000Z")
    crl.set_nextUpdate(b"20450101000000Z")
    crl.set_version(1)
    crl.sign(cert, key, b"sha256")
    rel = "crl/pyopenssl.pem"
    ctx.write(rel, crypto.dump_crl(crypto.FILETYPE_PEM, crl))
    info = describe_crl(ctx, rel, "pyOpenSSL CRL(): add_revoked x3, set_lastUpdate/nextUpdate, set_version(1), "
                                  "sign(root, key, b'sha256')")
    info["all_reasons"] = [x.decode() for x in crypto.Revoked().all_reasons()]
    return {ctx.fixture(rel): info}


# ---------------------------------------------------------------------------------------------- PKCS#7
def pkcs7(ctx):
    out = {}
    chain = ctx.other("x509/chain/chain.pem")
    crl = ctx.path("crl/v2-reasons.pem")
    ctx.write("p7/message.txt", MESSAGE)
    made = [
        ("p7/certs.p7b", ["crl2pkcs7", "-nocrl", "-certfile", chain, "-out", ctx.path("p7/certs.p7b")], "PEM"),
        ("p7/certs.p7b.der", ["crl2pkcs7", "-nocrl", "-certfile", chain, "-outform", "DER",
                              "-out", ctx.path("p7/certs.p7b.der")], "DER"),
        ("p7/certs-and-crl.p7b", ["crl2pkcs7", "-in", crl, "-certfile", chain, "-out", ctx.path("p7/certs-and-crl.p7b")],
         "PEM"),
        ("p7/crl-only.p7b", ["crl2pkcs7", "-in", crl, "-out", ctx.path("p7/crl-only.p7b")], "PEM"),
        ("p7/signed.p7", ["smime", "-sign", "-in", "p7/message.txt", "-signer", ctx.other("x509/chain/leaf.pem"),
                          "-inkey", ctx.other("keys/ec-p256.pkcs8.pem"), "-certfile",
                          ctx.other("x509/chain/intermediate.pem"), "-outform", "PEM", "-nodetach",
                          "-out", ctx.path("p7/signed.p7")], "PEM"),
        ("p7/signed-detached.p7.der", ["smime", "-sign", "-in", "p7/message.txt", "-signer",
                                       ctx.other("x509/selfsigned/rsa2048.pem"), "-inkey",
                                       ctx.other("keys/rsa2048.pkcs8.pem"), "-outform", "DER", "-binary",
                                       "-out", ctx.path("p7/signed-detached.p7.der")], "DER"),
        ("p7/signed-nocerts.p7", ["smime", "-sign", "-in", "p7/message.txt", "-signer",
                                  ctx.other("x509/selfsigned/rsa2048.pem"), "-inkey", ctx.other("keys/rsa2048.pkcs8.pem"),
                                  "-nocerts", "-outform", "PEM", "-nodetach", "-out", ctx.path("p7/signed-nocerts.p7")],
         "PEM"),
        ("p7/enveloped.p7", ["smime", "-encrypt", "-aes256", "-in", "p7/message.txt", "-outform", "PEM",
                             "-out", ctx.path("p7/enveloped.p7"), ctx.other("x509/selfsigned/rsa2048.pem")], "PEM"),
        ("p7/data.p7.der", ["cms", "-data_create", "-in", "p7/message.txt", "-outform", "DER",
                            "-out", ctx.path("p7/data.p7.der")], "DER"),
    ]
    for rel, args, form in made:
        res = ctx.openssl(*args)
        info = {"format": form, "made_by": res.command}
        ft = crypto.FILETYPE_PEM if form == "PEM" else crypto.FILETYPE_ASN1
        r = pyopenssl_call(crypto.load_pkcs7_data, ft, ctx.read(rel))
        if r["ok"]:
            p = r["value"]
            info["pyopenssl"] = {"ok": True, "type_name": p.get_type_name().decode(),
                                 "type_is_signed": bool(p.type_is_signed()),
                                 "type_is_enveloped": bool(p.type_is_enveloped()),
                                 "type_is_signedAndEnveloped": bool(p.type_is_signedAndEnveloped()),
                                 "type_is_data": bool(p.type_is_data())}
        else:
            info["pyopenssl"] = {"ok": False, "error": r["error"]}
        info["openssl_print_certs"] = ctx.openssl("pkcs7", "-inform", form, "-in", rel, "-noout", "-print_certs",
                                                  ok=None).record()
        info["openssl_print"] = ctx.openssl("pkcs7", "-inform", form, "-in", rel, "-noout", "-print", ok=None).record()
        if rel.startswith("p7/certs") or rel.startswith("p7/signed"):
            pc = ctx.openssl("pkcs7", "-inform", form, "-in", rel, "-print_certs", ok=None)
            info["openssl_print_certs_pem"] = pc.text
        out[ctx.fixture(rel)] = info
    v = ctx.openssl("smime", "-verify", "-purpose", "any", "-in", "p7/signed.p7", "-inform", "PEM", "-CAfile",
                    ctx.other("x509/chain/root.pem"), ok=None)
    out[ctx.fixture("p7/signed.p7")]["openssl_smime_verify"] = v.record()
    d = ctx.openssl("smime", "-decrypt", "-in", "p7/enveloped.p7", "-inform", "PEM", "-inkey",
                    ctx.other("keys/rsa2048.pkcs8.pem"), ok=None)
    out[ctx.fixture("p7/enveloped.p7")]["openssl_smime_decrypt"] = d.record()
    out["message"] = {"path": ctx.fixture("p7/message.txt"), "text": MESSAGE}
    return out


# ---------------------------------------------------------------------------------------------- SPKAC
def spkac(ctx):
    out = {}
    for kid, digest in (("rsa2048", "md5"), ("rsa2048", "sha256"), ("ec-p256", "sha256")):
        rel = "spkac/%s-%s.spkac" % (kid, digest)
        res = ctx.openssl("spkac", "-key", ctx.other("keys/%s.pkcs8.pem" % kid), "-challenge", "challenge-%s" % kid,
                          "-digest", digest, "-out", ctx.path(rel))
        verify = ctx.openssl("spkac", "-in", rel, "-verify", ok=None)
        out[ctx.fixture(rel)] = {"made_by": res.command,
                                 "key": "keys/%s.pkcs8.pem" % kid, "challenge": "challenge-%s" % kid,
                                 "openssl_verify": verify.record()}
    key = crypto.load_privatekey(crypto.FILETYPE_PEM, ctx.other("keys/rsa1024.pkcs8.pem").read_bytes())
    s = crypto.NetscapeSPKI()
    s.set_pubkey(key)
    s.sign(key, "sha256")
    b64 = s.b64_encode()
    rel = "spkac/pyopenssl-rsa1024.spkac"
    ctx.write(rel, b"SPKAC=" + b64 + b"\n")
    out[ctx.fixture(rel)] = {"made_by": "pyOpenSSL NetscapeSPKI(): set_pubkey, sign(key, 'sha256'), b64_encode()",
                             "key": "keys/rsa1024.pkcs8.pem", "b64_encode": b64.decode(),
                             "openssl_verify": ctx.openssl("spkac", "-in", rel, "-verify", ok=None).record()}
    return out


def _now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%d%H%M%SZ")
