"""Certificate helpers shared by the x509, verify and containers areas: sign with `openssl ca`
(fixed serials and dates), and describe a certificate or CSR with what pyOpenSSL and openssl print."""
import datetime

from OpenSSL import crypto

from common import hexlify, pyopenssl_call

CA_CONFIG = """
[ca]
default_ca = CA_default
[CA_default]
dir = {dir}
database = {dir}/index.txt
new_certs_dir = {dir}/new
serial = {dir}/serial
crlnumber = {dir}/crlnumber
default_md = {md}
policy = policy_anything
unique_subject = no
email_in_dn = yes
copy_extensions = none
default_crl_days = 30
string_mask = {string_mask}
utf8 = yes
[policy_anything]
countryName = optional
stateOrProvinceName = optional
localityName = optional
organizationName = optional
organizationalUnitName = optional
commonName = optional
emailAddress = optional
[req]
distinguished_name = req_dn
string_mask = {string_mask}
utf8 = yes
[req_dn]
"""


def ca_sign(ctx, name, csr, out, serial, start, end, ext=None, ca_cert=None, ca_key=None, md="sha256",
            subj=None, sigopts=(), string_mask="utf8only"):
    """Sign `csr` with `openssl ca` (self-signed with the CSR's key when ca_cert is None) into `out`.

    serial: int (fixed); start/end: 'YYYYMMDDHHMMSSZ'; ext: text of an [ext] section (extensions);
    md: digest name or None (Ed25519/Ed448). Returns the command line used."""
    d = ctx.scratch("ca-" + name)
    (d / "new").mkdir(parents=True, exist_ok=True)
    (d / "index.txt").write_text("")
    (d / "serial").write_text(serial_hex_for_file(serial) + "\n")
    cfg = CA_CONFIG.format(dir=d, md=md or "default", string_mask=string_mask)
    if ext is not None:
        cfg += "[ext]\n" + ext.strip() + "\n"
    (d / "ca.cnf").write_text(cfg)
    args = ["ca", "-batch", "-config", d / "ca.cnf", "-in", csr, "-out", out, "-notext", "-preserveDN",
            "-startdate", start, "-enddate", end, "-utf8"]
    if ext is not None:
        args += ["-extensions", "ext"]
    if md:
        args += ["-md", md]
    if ca_cert is None:
        args += ["-selfsign", "-keyfile", ca_key]
    else:
        args += ["-cert", ca_cert, "-keyfile", ca_key]
    if subj:
        args += ["-subj", subj]
    for s in sigopts:
        args += ["-sigopt", s]
    res = ctx.openssl(*args)
    return res.command.replace(str(d), "<ca-dir>")


def serial_hex_for_file(serial):
    h = "%X" % serial
    return h if len(h) % 2 == 0 else "0" + h


def make_csr(ctx, key, out, subj, extra=(), md="sha256", config=None):
    """`openssl req -new` for a key file; returns the command line."""
    args = ["req", "-new", "-key", key, "-subj", subj, "-out", out, "-utf8"]
    if md:
        args += ["-" + md]
    if config:
        args += ["-config", config]
    args += list(extra)
    return ctx.openssl(*args).command


def components(name):
    """pyOpenSSL X509Name.get_components() as [[field, value-hex, value-as-UTF-8-or-null], ...]."""
    out = []
    for k, v in name.get_components():
        try:
            text = v.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        out.append([k.decode("ascii"), hexlify(v), text])
    return out


def name_attributes(name):
    """pyOpenSSL X509Name.__getattr__ (first entry of the field, decoded to text by OpenSSL) for each field
    present, and X509Name.der() hex."""
    attrs = {}
    for k, _ in name.get_components():
        field = k.decode("ascii")
        if field not in attrs:
            r = pyopenssl_call(getattr, name, field)
            attrs[field] = r["value"] if r["ok"] else {"error": r["error"]}
    return {"getattr": attrs, "der_hex": hexlify(name.der())}


def _ext_info(ext):
    info = {"short_name": ext.get_short_name().decode(), "critical": bool(ext.get_critical()),
            "data_hex": hexlify(ext.get_data())}
    s = pyopenssl_call(str, ext)
    info["str"] = s["value"] if s["ok"] else {"error": s["error"]}
    return info


def _value(r):
    return r["value"] if r["ok"] else {"error": r["error"]}


def describe_cert(ctx, rel, made_by):
    """Write the DER twin of PEM certificate `rel` and return everything pyOpenSSL and openssl print."""
    der_rel = rel[:-4] + ".der" if rel.endswith(".pem") else rel + ".der"
    ctx.openssl("x509", "-in", rel, "-outform", "DER", "-out", der_rel)
    c = crypto.load_certificate(crypto.FILETYPE_PEM, ctx.read(rel))
    exts = [_ext_info(c.get_extension(i)) for i in range(c.get_extension_count())]
    pk = c.get_pubkey()
    py = {
        "subject_str": str(c.get_subject()),
        "issuer_str": str(c.get_issuer()),
        "subject_components": components(c.get_subject()),
        "issuer_components": components(c.get_issuer()),
        "subject_attributes": name_attributes(c.get_subject()),
        "issuer_der_hex": hexlify(c.get_issuer().der()),
        "serial": c.get_serial_number(),
        "version": c.get_version(),
        "notBefore": c.get_notBefore().decode(),
        "notAfter": c.get_notAfter().decode(),
        "digest_sha1": c.digest("sha1").decode(),
        "digest_sha256": c.digest("sha256").decode(),
        "digest_md5": c.digest("md5").decode(),
        "subject_name_hash": c.subject_name_hash(),
        "subject_hash": c.get_subject().hash(),
        "issuer_hash": c.get_issuer().hash(),
        "signature_algorithm": _value(pyopenssl_call(lambda: c.get_signature_algorithm().decode())),
        "pubkey_type": pk.type(),
        "pubkey_bits": pk.bits(),
        "pubkey_asn1_hex": hexlify(crypto.dump_publickey(crypto.FILETYPE_ASN1, pk)),
        "extension_count": c.get_extension_count(),
        "extensions": exts,
        "has_expired": c.has_expired(),
        "dump_text": crypto.dump_certificate(crypto.FILETYPE_TEXT, c).decode("utf-8", "replace"),
    }
    o = lambda *a: ctx.openssl("x509", "-in", rel, "-noout", *a).text  # noqa: E731
    osl = {
        "subject_issuer": o("-subject", "-issuer"),
        "subject_rfc2253": o("-subject", "-nameopt", "RFC2253"),
        "subject_oneline": o("-subject", "-nameopt", "oneline"),
        "subject_utf8": o("-subject", "-nameopt", "utf8,sep_comma_plus,sname"),
        "serial": o("-serial"),
        "dates": o("-dates"),
        "hash": o("-hash"),
        "subject_hash_old": o("-subject_hash_old"),
        "fingerprint_sha1": o("-fingerprint", "-sha1"),
        "fingerprint_sha256": o("-fingerprint", "-sha256"),
        "text": o("-text"),
        "validity_asn1": [ln.strip() for ln in ctx.openssl("asn1parse", "-in", rel).text.splitlines()
                          if "UTCTIME" in ln or "GENERALIZEDTIME" in ln][:2],
    }
    return {"pem": ctx.fixture(rel), "der": ctx.fixture(der_rel), "made_by": made_by,
            "recorded_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%d%H%M%SZ"),
            "pyopenssl": py, "openssl": osl}


def describe_csr(ctx, rel, made_by):
    """Write the DER twin of PEM CSR `rel`; return what pyOpenSSL and openssl print about it."""
    der_rel = rel[:-4] + ".der"
    ctx.openssl("req", "-in", rel, "-outform", "DER", "-out", der_rel)
    r = crypto.load_certificate_request(crypto.FILETYPE_PEM, ctx.read(rel))
    pk = r.get_pubkey()
    exts = pyopenssl_call(r.get_extensions)
    py = {
        "subject_str": str(r.get_subject()),
        "subject_components": components(r.get_subject()),
        "subject_attributes": name_attributes(r.get_subject()),
        "version": r.get_version(),
        "pubkey_type": pk.type(),
        "pubkey_bits": pk.bits(),
        "pubkey_asn1_hex": hexlify(crypto.dump_publickey(crypto.FILETYPE_ASN1, pk)),
        "extensions": [_ext_info(e) for e in exts["value"]] if exts["ok"] else {"error": exts["error"]},
        "verify": _value(pyopenssl_call(r.verify, pk)),
        "dump_text": crypto.dump_certificate_request(crypto.FILETYPE_TEXT, r).decode("utf-8", "replace"),
    }
    verify = ctx.openssl("req", "-in", rel, "-noout", "-verify", ok=None)
    osl = {
        "text": ctx.openssl("req", "-in", rel, "-noout", "-text").text,
        "subject": ctx.openssl("req", "-in", rel, "-noout", "-subject").text,
        "verify": {"exit": verify.rc, "stdout": verify.text, "stderr": verify.err},
    }
    return {"pem": ctx.fixture(rel), "der": ctx.fixture(der_rel), "made_by": made_by, "pyopenssl": py,
            "openssl": osl}


def gen_crl(ctx, name, ca_cert, ca_key, entries, out, last, nxt, crlnumber=None, crl_ext=None, md="sha256"):
    """`openssl ca -gencrl` from a hand-written index: entries are dicts with serial (int), revoked
    ('YYMMDDHHMMSSZ'), optional reason (an openssl ca reason word such as keyCompromise, or keyTime /
    CAkeyTime / certificateHold with `extra`), extra (a time 'YYYYMMDDHHMMSSZ' or a hold OID),
    expires ('YYMMDDHHMMSSZ', default 400101000000Z) and subject. crlnumber (int) adds the CRL number
    (and makes the CRL v2), crl_ext is the text of a CRL extension section. Returns the command line."""
    d = ctx.scratch("crl-" + name)
    (d / "new").mkdir(parents=True, exist_ok=True)
    lines = []
    for e in entries:
        rev = e["revoked"]
        if e.get("reason"):
            rev += "," + e["reason"]
            if e.get("extra"):
                rev += "," + e["extra"]
        lines.append("R\t%s\t%s\t%s\tunknown\t%s\n" % (e.get("expires", "400101000000Z"), rev,
                                                       serial_hex_for_file(e["serial"]),
                                                       e.get("subject", "/CN=revoked %d" % e["serial"])))
    (d / "index.txt").write_text("".join(lines))
    (d / "serial").write_text("01\n")
    cfg = CA_CONFIG.format(dir=d, md=md or "default", string_mask="utf8only")
    if crlnumber is None:
        cfg = cfg.replace("crlnumber = %s/crlnumber\n" % d, "")
    else:
        (d / "crlnumber").write_text(serial_hex_for_file(crlnumber) + "\n")
    if crl_ext:
        cfg += "[crlext]\n" + crl_ext.strip() + "\n"
    (d / "ca.cnf").write_text(cfg)
    args = ["ca", "-batch", "-config", d / "ca.cnf", "-gencrl", "-cert", ca_cert, "-keyfile", ca_key, "-out", out,
            "-crl_lastupdate", last, "-crl_nextupdate", nxt]
    if md:
        args += ["-md", md]
    if crl_ext:
        args += ["-crlexts", "crlext"]
    res = ctx.openssl(*args)
    return res.command.replace(str(d), "<ca-dir>")
