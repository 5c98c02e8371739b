"""Area `signatures`: pyOpenSSL crypto.sign / crypto.verify and `openssl dgst -sign/-verify` on a fixed
message with the keys of the keys area (RSA PKCS#1 v1.5 signatures are deterministic, so their bytes are
comparable; (EC)DSA ones are checked by verification)."""
from OpenSSL import crypto

from common import hexlify, pyopenssl_call

ORDER = 25
DEPENDS = ["keys", "x509"]

MESSAGE = b"Portcullis signature test message\n"

# key id -> self-signed certificate of the x509 area (crypto.verify takes a certificate)
CASES = [("rsa2048", "sha256"), ("rsa2048", "sha1"), ("rsa2048", "sha384"), ("rsa2048", "sha512"),
         ("rsa2048", "md5"), ("rsa1024", "sha256"), ("rsa4096", "sha512"), ("dsa2048", "sha256"),
         ("ec-p256", "sha256"), ("ec-p384", "sha384"), ("ec-p521", "sha512"), ("ec-secp256k1", "sha256"),
         ("ed25519", "sha512"), ("ed448", "sha512"), ("rsa-pss2048", "sha256")]


def make(ctx):
    ctx.write("message.txt", MESSAGE)
    out = {}
    for kid, md in CASES:
        key_pem = ctx.other("keys/%s.pkcs8.pem" % kid)
        cert_pem = ctx.other("x509/selfsigned/%s.pem" % kid)
        key = crypto.load_privatekey(crypto.FILETYPE_PEM, key_pem.read_bytes())
        cert = crypto.load_certificate(crypto.FILETYPE_PEM, cert_pem.read_bytes())
        case = {"key": "keys/%s.pkcs8.pem" % kid, "cert": "x509/selfsigned/%s.pem" % kid, "digest": md}
        py = pyopenssl_call(crypto.sign, key, MESSAGE, md)
        if py["ok"]:
            rel = "%s-%s.pyopenssl.sig" % (kid, md)
            ctx.write(rel, py["value"])
            case["pyopenssl_sign"] = {"ok": True, "signature": ctx.fixture(rel), "signature_hex": hexlify(py["value"])}
            v = pyopenssl_call(crypto.verify, cert, py["value"], MESSAGE, md)
            case["pyopenssl_verify_own"] = {"ok": v["ok"], "error": v.get("error")}
            bad = pyopenssl_call(crypto.verify, cert, py["value"], MESSAGE + b"x", md)
            case["pyopenssl_verify_tampered"] = {"ok": bad["ok"], "error": bad.get("error")}
            ov = ctx.openssl("dgst", "-" + md, "-verify", ctx.other("keys/%s.spki.pem" % kid), "-signature", rel,
                             "message.txt", ok=None)
            case["openssl_verify_pyopenssl_signature"] = ov.record()
        else:
            case["pyopenssl_sign"] = {"ok": False, "error": py["error"]}
        rel = "%s-%s.openssl.sig" % (kid, md)
        if kid.startswith("ed"):  # pure EdDSA: no digest, one-shot (-rawin)
            res = ctx.openssl("pkeyutl", "-sign", "-inkey", key_pem, "-rawin", "-in", "message.txt", "-out",
                              ctx.path(rel), ok=None)
        else:
            res = ctx.openssl("dgst", "-" + md, "-sign", key_pem, "-out", ctx.path(rel), "message.txt", ok=None)
        case["openssl_sign"] = res.record()
        if res.rc == 0:
            case["openssl_signature"] = ctx.fixture(rel)
            case["openssl_signature_hex"] = hexlify(ctx.read(rel))
            v = pyopenssl_call(crypto.verify, cert, ctx.read(rel), MESSAGE, md)
            case["pyopenssl_verify_openssl_signature"] = {"ok": v["ok"], "error": v.get("error")}
        out["%s-%s" % (kid, md)] = case
    ctx.record("message", {"path": ctx.fixture("message.txt"), "hex": hexlify(MESSAGE)})
    ctx.record("cases", out)
