"""Area `x509`: certificates and CSRs made by `openssl req -x509`, `openssl x509 -req`, `openssl ca`
and pyOpenSSL, with everything pyOpenSSL and openssl print about them (see README.md)."""
from OpenSSL import crypto

import pki
from common import hexlify, pyopenssl_call

ORDER = 20
DEPENDS = ["keys"]

DAY_START, DAY_END = "20200101000000Z", "20400101000000Z"

ROOT_EXT = """
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
"""
INTERMEDIATE_EXT = """
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign, digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
authorityInfoAccess = caIssuers;URI:http://ca.example.com/root.crt
crlDistributionPoints = URI:http://crl.example.com/root.crl
"""
LEAF_EXT = """
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:leaf.example.com, DNS:www.example.com, IP:192.0.2.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
authorityInfoAccess = OCSP;URI:http://ocsp.example.com/, caIssuers;URI:http://ca.example.com/intermediate.crt
crlDistributionPoints = URI:http://crl.example.com/intermediate.crl
"""
KITCHEN_SINK_EXT = """
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation, keyEncipherment, dataEncipherment, keyAgreement
extendedKeyUsage = serverAuth, clientAuth, codeSigning, emailProtection, timeStamping, OCSPSigning, 1.3.6.1.5.5.7.3.17
subjectAltName = @alt
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
authorityInfoAccess = OCSP;URI:http://ocsp.example.com/, caIssuers;URI:http://ca.example.com/intermediate.crt
crlDistributionPoints = crldp1, crldp2
certificatePolicies = ia5org, 2.23.140.1.2.1, @polsect
nsComment = "Portcullis test comment: spaces, commas & symbols"
nsCertType = server, client, email, objsign
issuerAltName = email:ca@example.com, URI:http://ca.example.com/
tlsfeature = status_request
1.3.6.1.4.1.55555.1 = critical, ASN1:UTF8String:an unknown critical extension
1.3.6.1.4.1.55555.2 = DER:04:03:01:02:03
[crldp1]
fullname = URI:http://crl.example.com/intermediate.crl
[crldp2]
fullname = URI:ldap://ldap.example.com/cn=CA?certificateRevocationList
reasons = keyCompromise, CACompromise
CRLissuer = dirName:dir_sect
[alt]
DNS.1 = www.example.com
DNS.2 = *.wild.example.com
DNS.3 = xn--bcher-kva.example
IP.1 = 192.0.2.10
IP.2 = 2001:db8::1
IP.3 = ::ffff:198.51.100.7
email.1 = admin@example.com
URI.1 = https://www.example.com/path?q=1
otherName.1 = 1.3.6.1.4.1.311.20.2.3;UTF8:upn@example.com
dirName.1 = dir_sect
RID.1 = 1.2.3.4.5
[dir_sect]
C = US
O = Example Directory
CN = Directory Name
[polsect]
policyIdentifier = 1.3.6.1.4.1.55555.100
CPS.1 = "http://cps.example.com/cps"
userNotice.1 = @notice
[notice]
explicitText = "Explicit notice text"
organization = "Example Org"
noticeNumbers = 1, 2, 3
"""
CONSTRAINED_CA_EXT = """
basicConstraints = critical, CA:TRUE, pathlen:2
keyUsage = critical, keyCertSign, cRLSign
nameConstraints = critical, permitted;DNS:.example.com, permitted;IP:192.0.2.0/255.255.255.0, permitted;email:.example.com, permitted;dirName:nc_dir, excluded;DNS:forbidden.example.com, excluded;IP:2001:db8:dead::/ffff:ffff:ffff:0:0:0:0:0
policyConstraints = critical, requireExplicitPolicy:0, inhibitPolicyMapping:1
inhibitAnyPolicy = critical, 2
policyMappings = 1.3.6.1.4.1.55555.100:1.3.6.1.4.1.55555.200
certificatePolicies = 1.3.6.1.4.1.55555.100, 2.5.29.32.0
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always, issuer:always
[nc_dir]
C = US
O = Example
"""
AKI_ISSUER_SERIAL_EXT = """
basicConstraints = CA:FALSE
authorityKeyIdentifier = issuer:always
subjectKeyIdentifier = none
"""

# signer key id -> list of (digest or None, sigopts)
SIGNERS = [
    ("rsa2048", "sha1", ()), ("rsa2048", "sha256", ()), ("rsa2048", "sha384", ()), ("rsa2048", "sha512", ()),
    ("rsa2048", "sha256", ("rsa_padding_mode:pss", "rsa_pss_saltlen:32")),
    ("rsa4096", "sha512", ()), ("rsa1024", "sha256", ()),
    ("dsa2048", "sha256", ()),
    ("ec-p256", "sha256", ()), ("ec-p384", "sha384", ()), ("ec-p521", "sha512", ()), ("ec-secp256k1", "sha256", ()),
    ("ec-p256", "sha1", ()), ("ec-p256-explicit", "sha256", ()),
    ("ed25519", None, ()), ("ed448", None, ()),
    ("rsa-pss2048", "sha256", ()), ("rsa-pss2048-restricted", "sha256", ()),
]

ALL_KEYS = ["rsa1024", "rsa2048", "rsa4096", "dsa2048", "ec-p256", "ec-p384", "ec-p521", "ec-secp256k1",
            "ec-p256-explicit", "ed25519", "ed448", "rsa-pss2048", "rsa-pss2048-restricted"]


def key(ctx, kid):
    return ctx.other("keys/%s.pkcs8.pem" % kid)


def md_for(kid, md="sha256"):
    return None if kid.startswith("ed") else md


def make(ctx):
    certs = {}

    def add(rel, made_by):
        certs[rel[:-4]] = pki.describe_cert(ctx, rel, made_by)

    chain(ctx, add)
    self_signed_per_key(ctx, add)
    signed_by_each_signer(ctx, add)
    extensions(ctx, add)
    validity(ctx, add)
    serials_and_versions(ctx, add)
    names(ctx, add)
    pyopenssl_made(ctx, add)
    ctx.record("certs", certs)
    ctx.record("name_order", name_order(ctx))
    ctx.record("x509extension", x509extension_cases(ctx))
    ctx.record("csrs", csrs(ctx))


ORDER_CERTS = ["chain/root", "chain/intermediate", "chain/leaf", "names/utf8", "names/mixed-string-types",
               "names/nombstr", "names/multivalued-rdn", "names/special-chars", "names/many-attributes",
               "pyopenssl/empty-subject", "pyopenssl/ca-with-extensions", "selfsigned/rsa2048"]


def name_order(ctx):
    """pyOpenSSL X509Name comparisons (==, <, >; OpenSSL's X509_NAME_cmp) between the subjects of some certs."""
    names = [crypto.load_certificate(crypto.FILETYPE_PEM, ctx.read(c + ".pem")).get_subject() for c in ORDER_CERTS]
    cmp = [[(-1 if a < b else 1 if a > b else 0) if a != b else 0 for b in names] for a in names]
    equal = [[a == b for b in names] for a in names]
    return {"certs": ["x509/%s.pem" % c for c in ORDER_CERTS], "note": "cmp[i][j] = -1 if subject_i < subject_j "
            "(pyOpenSSL X509Name.__lt__), 1 if >, 0 if ==", "cmp": cmp, "equal": equal}


def chain(ctx, add):
    """root (RSA 2048) -> intermediate (EC P-384) -> leaf (EC P-256), all by openssl ca."""
    pki.make_csr(ctx, key(ctx, "rsa2048"), ctx.scratch("root.csr"), "/C=US/O=Portcullis Test/CN=Portcullis Test Root CA")
    cmd = pki.ca_sign(ctx, "root", ctx.scratch("root.csr"), ctx.path("chain/root.pem"), 0x1001, DAY_START,
                      "20450101000000Z", ROOT_EXT, ca_key=key(ctx, "rsa2048"))
    add("chain/root.pem", cmd)
    pki.make_csr(ctx, key(ctx, "ec-p384"), ctx.scratch("int.csr"),
                 "/C=US/O=Portcullis Test/CN=Portcullis Test Intermediate CA")
    cmd = pki.ca_sign(ctx, "int", ctx.scratch("int.csr"), ctx.path("chain/intermediate.pem"), 0x2002, DAY_START,
                      "20420101000000Z", INTERMEDIATE_EXT, ca_cert=ctx.path("chain/root.pem"), ca_key=key(ctx, "rsa2048"))
    add("chain/intermediate.pem", cmd)
    pki.make_csr(ctx, key(ctx, "ec-p256"), ctx.scratch("leaf.csr"), "/C=US/O=Portcullis Test/CN=leaf.example.com")
    cmd = pki.ca_sign(ctx, "leaf", ctx.scratch("leaf.csr"), ctx.path("chain/leaf.pem"), 0x3003, DAY_START, DAY_END,
                      LEAF_EXT, ca_cert=ctx.path("chain/intermediate.pem"), ca_key=key(ctx, "ec-p384"), md="sha384")
    add("chain/leaf.pem", cmd)
    ctx.write("chain/chain.pem", ctx.read("chain/leaf.pem") + ctx.read("chain/intermediate.pem") + ctx.read("chain/root.pem"))
    ctx.record("chain", {"root": "x509/chain/root.pem", "intermediate": "x509/chain/intermediate.pem",
                         "leaf": "x509/chain/leaf.pem", "bundle_leaf_first": "x509/chain/chain.pem",
                         "keys": {"root": "keys/rsa2048.pkcs8.pem", "intermediate": "keys/ec-p384.pkcs8.pem",
                                  "leaf": "keys/ec-p256.pkcs8.pem"}})


def self_signed_per_key(ctx, add):
    """`openssl req -x509` with every key type as subject (and signer) key."""
    for i, kid in enumerate(ALL_KEYS):
        rel = "selfsigned/%s.pem" % kid
        args = ["req", "-x509", "-new", "-key", key(ctx, kid), "-subj", "/O=Portcullis Test/CN=self-signed %s" % kid,
                "-days", "7300", "-set_serial", str(100 + i), "-out", ctx.path(rel),
                "-addext", "subjectAltName=DNS:%s.example.com" % kid]
        if md_for(kid):
            args.append("-sha256")
        add(rel, ctx.openssl(*args).command)


def signed_by_each_signer(ctx, add):
    """A leaf (EC P-256 key) issued by `openssl x509 -req` from a self-signed CA of every key type/digest."""
    pki.make_csr(ctx, key(ctx, "ec-p256"), ctx.scratch("signed.csr"), "/O=Portcullis Test/CN=signed leaf")
    ext = ctx.scratch("leaf.ext")
    ext.write_text("[v3]\nbasicConstraints=CA:FALSE\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n")
    for i, (kid, md, sigopts) in enumerate(SIGNERS):
        tag = "%s-%s%s" % (kid, md or "pure", "-pss" if sigopts else "")
        ca_rel = "signers/ca-%s.pem" % tag
        args = ["req", "-x509", "-new", "-key", key(ctx, kid), "-subj", "/O=Portcullis Test/CN=signer CA %s" % tag,
                "-days", "7300", "-set_serial", str(200 + i), "-out", ctx.path(ca_rel),
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]
        if md:
            args.append("-" + md)
        for s in sigopts:
            args += ["-sigopt", s]
        add(ca_rel, ctx.openssl(*args).command)
        rel = "signers/leaf-by-%s.pem" % tag
        args = ["x509", "-req", "-in", ctx.scratch("signed.csr"), "-CA", ctx.path(ca_rel), "-CAkey", key(ctx, kid),
                "-set_serial", str(300 + i), "-days", "7300", "-extfile", ext, "-extensions", "v3", "-out", ctx.path(rel)]
        if md:
            args.append("-" + md)
        for s in sigopts:
            args += ["-sigopt", s]
        add(rel, ctx.openssl(*args).command)


def extensions(ctx, add):
    """Certificates issued by the chain's intermediate (or root) with many extension kinds."""
    pki.make_csr(ctx, key(ctx, "rsa2048"), ctx.scratch("ext.csr"), "/C=US/O=Portcullis Test/CN=kitchen sink")
    cases = [
        ("ext/kitchen-sink.pem", KITCHEN_SINK_EXT, 0x4001, "intermediate", "ec-p384", "sha256"),
        ("ext/constrained-ca.pem", CONSTRAINED_CA_EXT, 0x4002, "root", "rsa2048", "sha256"),
        ("ext/aki-issuer-serial.pem", AKI_ISSUER_SERIAL_EXT, 0x4003, "root", "rsa2048", "sha256"),
        ("ext/no-extensions-v3.pem", "", 0x4004, "root", "rsa2048", "sha256"),
    ]
    for rel, ext, serial, issuer, ikey, md in cases:
        cmd = pki.ca_sign(ctx, rel.replace("/", "-"), ctx.scratch("ext.csr"), ctx.path(rel), serial, DAY_START,
                          DAY_END, ext, ca_cert=ctx.path("chain/%s.pem" % issuer), ca_key=key(ctx, ikey), md=md,
                          subj="/C=US/O=Portcullis Test/CN=%s" % rel[4:-4])
        add(rel, cmd)


def validity(ctx, add):
    """Fixed validity periods via `openssl ca -startdate/-enddate` (UTCTime before 2050, GeneralizedTime after)."""
    pki.make_csr(ctx, key(ctx, "ec-p256"), ctx.scratch("val.csr"), "/O=Portcullis Test/CN=validity")
    cases = [
        ("validity/expired.pem", "20100101000000Z", "20110101000000Z"),
        ("validity/not-yet-valid.pem", "20450101000000Z", "20490101000000Z"),
        ("validity/not-yet-valid-generalized.pem", "20900101000000Z", "20950101000000Z"),
        ("validity/crosses-2050.pem", "20200101000000Z", "20550101000000Z"),
        ("validity/until-9999.pem", "20200101000000Z", "99991231235959Z"),
        ("validity/utc-1950.pem", "19500101000000Z", "19991231235959Z"),
    ]
    for i, (rel, start, end) in enumerate(cases):
        cmd = pki.ca_sign(ctx, "val%d" % i, ctx.scratch("val.csr"), ctx.path(rel), 0x5000 + i, start, end,
                          "basicConstraints = CA:FALSE\nsubjectKeyIdentifier = hash\n",
                          ca_cert=ctx.path("chain/root.pem"), ca_key=key(ctx, "rsa2048"),
                          subj="/O=Portcullis Test/CN=%s" % rel[9:-4])
        add(rel, cmd)


def serials_and_versions(ctx, add):
    """`openssl x509 -req` without extensions (a v1 certificate) and with unusual serial numbers."""
    pki.make_csr(ctx, key(ctx, "rsa2048"), ctx.scratch("ser.csr"), "/O=Portcullis Test/CN=serials")
    cases = [("serial/zero.pem", "0"), ("serial/negative.pem", "-5"), ("serial/negative-big.pem", "-18446744073709551616"),
             ("serial/2pow64plus1.pem", "18446744073709551617"),
             ("serial/2pow159minus1.pem", "730750818665451459101842416358141509827966271487"),
             ("serial/hex-leading-ff.pem", "0xFF00000000000001"), ("serial/v1.pem", "4660")]
    for rel, serial in cases:
        res = ctx.openssl("x509", "-req", "-in", ctx.scratch("ser.csr"), "-key", key(ctx, "rsa2048"),
                          "-set_serial", serial, "-days", "7300", "-sha256", "-out", ctx.path(rel))
        add(rel, res.command)


NAMES = [
    # (file, subject, string_mask, extra args)
    ("names/utf8.pem", "/C=DE/O=Müller & Söhne GmbH/OU=中文部门/CN=Grüße 😀 – ÆØÅ", "utf8only"),
    ("names/mixed-string-types.pem",
     "/C=FR/O=Société Générale/OU=中文部/CN=plain printable/emailAddress=ia5@example.com", "default"),
    ("names/nombstr.pem", "/C=US/O=T61 Caf\u00e9/CN=printable only", "nombstr"),
    ("names/multivalued-rdn.pem", "/DC=com/DC=example/O=Example/OU=A+OU=B/CN=John Smith+UID=jsmith", "utf8only"),
    ("names/special-chars.pem",
     "/O= leading and trailing space /OU=#starts with hash/CN=Doe\\, John \\+ \"Q\" <x>; #1 = \\\\ end", "utf8only"),
    ("names/many-attributes.pem",
     "/C=US/ST=California/L=San Francisco/street=1 Main St/postalCode=94000/O=Example Inc./OU=Unit"
     "/title=Dr/GN=Given/SN=Surname/initials=GS/pseudonym=ps/generationQualifier=III/dnQualifier=dq"
     "/serialNumber=123456/UID=uid42/businessCategory=Private Organization/jurisdictionC=US"
     "/1.3.6.1.4.1.55555.7=custom oid value/CN=many attributes/emailAddress=many@example.com", "utf8only"),
]


def names(ctx, add):
    """Self-signed `openssl req -x509` certificates with unusual subject names and string types."""
    for i, (rel, subj, mask) in enumerate(NAMES):
        cfg = ctx.scratch("name%d.cnf" % i)
        cfg.write_text("[req]\ndistinguished_name = dn\nstring_mask = %s\nutf8 = yes\n[dn]\n" % mask)
        res = ctx.openssl("req", "-x509", "-new", "-config", cfg, "-key", key(ctx, "rsa2048"), "-subj", subj,
                          "-utf8", "-days", "7300", "-set_serial", str(600 + i), "-sha256", "-out", ctx.path(rel))
        add(rel, res.command + "  (config: string_mask = %s)" % mask)


def pyopenssl_made(ctx, add):
    """Certificates built with pyOpenSSL's X509 / X509Extension API (fixed dates and serials)."""
    rsa = crypto.load_privatekey(crypto.FILETYPE_PEM, ctx.other("keys/rsa2048.pkcs8.pem").read_bytes())
    ec = crypto.load_privatekey(crypto.FILETYPE_PEM, ctx.other("keys/ec-p384.pkcs8.pem").read_bytes())

    def build(rel, subject, serial, before, after, pkey, signkey, md, version=2, ext=None):
        c = crypto.X509()
        c.set_version(version)
        for k, v in subject:
            setattr(c.get_subject(), k, v)
        c.set_issuer(c.get_subject())
        c.set_serial_number(serial)
        c.set_notBefore(before)
        c.set_notAfter(after)
        c.set_pubkey(pkey)
        if ext:
            c.add_extensions(ext(c))
        c.sign(signkey, md)
        ctx.write(rel, crypto.dump_certificate(crypto.FILETYPE_PEM, c))
        add(rel, "pyOpenSSL X509(): see gen/area_x509.py pyopenssl_made")

    def exts(c):
        return [crypto.X509Extension(b"basicConstraints", True, b"CA:TRUE, pathlen:1"),
                crypto.X509Extension(b"keyUsage", True, b"keyCertSign, cRLSign, digitalSignature"),
                crypto.X509Extension(b"subjectAltName", False, b"DNS:py.example.com, IP:10.0.0.1, email:py@example.com"),
                crypto.X509Extension(b"subjectKeyIdentifier", False, b"hash", subject=c),
                crypto.X509Extension(b"extendedKeyUsage", False, b"serverAuth"),
                crypto.X509Extension(b"nsComment", False, b"made by pyOpenSSL")]

    subject = [("C", "GB"), ("ST", "England"), ("L", "London"), ("O", "pyOpenSSL made"), ("OU", "Ünit"),
               ("CN", "pyopenssl ca"), ("emailAddress", "py@example.com")]
    build("pyopenssl/ca-with-extensions.pem", subject, 0x7001, b"20200101000000Z", b"20400101000000Z",
          rsa, rsa, "sha256", ext=exts)
    build("pyopenssl/v1.pem", [("CN", "pyopenssl v1")], 0x7002, b"20200101000000Z", b"20400101000000Z",
          rsa, rsa, "sha256", version=0)
    build("pyopenssl/expired.pem", [("CN", "pyopenssl expired")], 0x7003, b"20000101000000Z", b"20010101000000Z",
          ec, ec, "sha384")
    build("pyopenssl/generalized-before-2050.pem", [("CN", "pyopenssl generalized")], 0x7004,
          b"20200101000000Z", b"20300101000000Z", ec, ec, "sha256")
    build("pyopenssl/empty-subject.pem", [], 0x7005, b"20200101000000Z", b"20400101000000Z", rsa, rsa, "sha512")
    build("pyopenssl/huge-serial.pem", [("CN", "pyopenssl huge serial")], 2 ** 150 + 7, b"20200101000000Z",
          b"20400101000000Z", rsa, rsa, "sha1")


CSR_ATTR_CONFIG = """
[req]
distinguished_name = dn
attributes = attrs
prompt = no
string_mask = utf8only
[dn]
C = US
O = Portcullis Test
CN = csr with attributes
[attrs]
challengePassword = s3cret-challenge
unstructuredName = An Unstructured Name
"""


def csrs(ctx):
    out = {}

    def add(rel, made_by):
        out[rel[:-4]] = pki.describe_csr(ctx, rel, made_by)

    for kid in ("rsa2048", "dsa2048", "ec-p256", "ec-secp256k1", "ed25519", "ed448"):
        rel = "csr/plain-%s.pem" % kid
        add(rel, pki.make_csr(ctx, key(ctx, kid), ctx.path(rel), "/C=US/O=Portcullis Test/CN=csr %s" % kid,
                              md=md_for(kid)))
    rel = "csr/rsa2048-pss-signature.pem"
    add(rel, pki.make_csr(ctx, key(ctx, "rsa2048"), ctx.path(rel), "/O=Portcullis Test/CN=csr signed with RSA-PSS",
                          extra=["-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32"]))
    rel = "csr/extensions-ec-p384.pem"
    add(rel, pki.make_csr(ctx, key(ctx, "ec-p384"), ctx.path(rel), "/O=Portcullis Test/CN=csr with extensions",
                          md="sha384", extra=["-addext", "subjectAltName=DNS:csr.example.com,IP:192.0.2.5,email:csr@example.com",
                                              "-addext", "keyUsage=critical,digitalSignature",
                                              "-addext", "extendedKeyUsage=serverAuth,clientAuth",
                                              "-addext", "basicConstraints=critical,CA:FALSE"]))
    cfg = ctx.scratch("csr-attrs.cnf")
    cfg.write_text(CSR_ATTR_CONFIG)
    rel = "csr/attributes-rsa2048.pem"
    add(rel, ctx.openssl("req", "-new", "-config", cfg, "-key", key(ctx, "rsa2048"), "-sha256",
                         "-out", ctx.path(rel)).argv[0] + " req -new -config (prompt=no, [attrs] challengePassword, "
                                                          "unstructuredName) -key keys/rsa2048.pkcs8.pem -sha256")
    # pyOpenSSL's own X509Req
    k = crypto.load_privatekey(crypto.FILETYPE_PEM, ctx.other("keys/rsa1024.pkcs8.pem").read_bytes())
    r = crypto.X509Req()
    r.get_subject().C = "US"
    r.get_subject().CN = "pyopenssl csr"
    r.set_pubkey(k)
    r.add_extensions([crypto.X509Extension(b"subjectAltName", False, b"DNS:pyreq.example.com"),
                      crypto.X509Extension(b"basicConstraints", True, b"CA:FALSE")])
    r.sign(k, "sha256")
    rel = "csr/pyopenssl-rsa1024.pem"
    ctx.write(rel, crypto.dump_certificate_request(crypto.FILETYPE_PEM, r))
    add(rel, "pyOpenSSL X509Req(), add_extensions, sign(key, 'sha256')")
    return out


# (type_name, critical, value, needs subject/issuer cert) for pyOpenSSL X509Extension(type_name, critical, value, ...)
EXTENSION_CASES = [
    ("basicConstraints", True, "CA:TRUE"), ("basicConstraints", True, "CA:TRUE, pathlen:0"),
    ("basicConstraints", False, "CA:FALSE"), ("basicConstraints", True, "critical,CA:TRUE,pathlen:3"),
    ("basicConstraints", False, "CA:maybe"),
    ("keyUsage", True, "digitalSignature, keyEncipherment"), ("keyUsage", False, "keyCertSign, cRLSign"),
    ("keyUsage", False, "nonRepudiation, dataEncipherment, keyAgreement, encipherOnly, decipherOnly"),
    ("keyUsage", False, "notAUsage"),
    ("extendedKeyUsage", False, "serverAuth, clientAuth"), ("extendedKeyUsage", False, "codeSigning, 1.2.3.4.5"),
    ("extendedKeyUsage", False, "emailProtection, timeStamping, OCSPSigning, anyExtendedKeyUsage"),
    ("subjectAltName", False, "DNS:example.com, DNS:*.example.com"),
    ("subjectAltName", False, "IP:192.0.2.1, IP:2001:db8::1"),
    ("subjectAltName", False, "email:a@example.com, URI:https://example.com/x"),
    ("subjectAltName", False, "otherName:1.3.6.1.4.1.311.20.2.3;UTF8:upn@example.com"),
    ("subjectAltName", False, "RID:1.2.3.4"), ("subjectAltName", False, "IP:999.1.1.1"),
    ("subjectAltName", False, "bogus:value"), ("subjectAltName", True, "DNS:critical.example.com"),
    ("issuerAltName", False, "email:ca@example.com"),
    ("nsComment", False, "a comment"), ("nsCertType", False, "server, client, email, objsign"),
    ("nsCertType", False, "sslCA, emailCA, objCA"),
    ("crlDistributionPoints", False, "URI:http://crl.example.com/a.crl"),
    ("authorityInfoAccess", False, "OCSP;URI:http://ocsp.example.com/, caIssuers;URI:http://ca.example.com/ca.crt"),
    ("certificatePolicies", False, "1.2.3.4, 2.5.29.32.0"),
    ("nameConstraints", True, "permitted;DNS:.example.com, excluded;IP:10.0.0.0/255.0.0.0"),
    ("policyConstraints", True, "requireExplicitPolicy:1"), ("inhibitAnyPolicy", True, "0"),
    ("tlsfeature", False, "status_request"),
    ("subjectKeyIdentifier", False, "hash", "subject"), ("subjectKeyIdentifier", False, "hash", None),
    ("subjectKeyIdentifier", False, "01:02:03:04"),
    ("authorityKeyIdentifier", False, "keyid:always", "issuer"),
    ("authorityKeyIdentifier", False, "keyid:always,issuer:always", "issuer"),
    ("authorityKeyIdentifier", False, "keyid:always", None),
    ("noSuchExtension", False, "whatever"), ("1.2.3.4", False, "DER:01:02"),
]


def x509extension_cases(ctx):
    """What pyOpenSSL's X509Extension(type_name, critical, value[, subject=, issuer=]) builds (or which error it
    raises) for OpenSSL config-syntax values; subject/issuer is x509/chain/root.pem."""
    root = crypto.load_certificate(crypto.FILETYPE_PEM, ctx.read("chain/root.pem"))
    out = []
    for case in EXTENSION_CASES:
        name, critical, value = case[:3]
        ref = case[3] if len(case) > 3 else None
        kwargs = {ref: root} if ref else {}
        entry = {"type_name": name, "critical": critical, "value": value}
        if ref:
            entry[ref] = "x509/chain/root.pem"
        r = pyopenssl_call(lambda: crypto.X509Extension(name.encode(), critical, value.encode(), **kwargs))
        if r["ok"]:
            e = r["value"]
            s = pyopenssl_call(str, e)
            entry["result"] = {"ok": True, "short_name": e.get_short_name().decode(),
                               "critical": bool(e.get_critical()), "data_hex": hexlify(e.get_data()),
                               "str": s["value"] if s["ok"] else {"error": s["error"]}}
        else:
            entry["result"] = {"ok": False, "error": r["error"]}
        out.append(entry)
    return out
