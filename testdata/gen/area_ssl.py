"""Area `ssl`: a small PKI for TLS tests, made by `openssl req`/`x509`: a root CA ("Testing Root CA"), an
intermediate CA, server leaves with RSA-2048, EC P-256 and Ed25519 keys (SAN localhost and 127.0.0.1), a client
leaf, chain files, one encrypted key, and the subjects and fingerprints openssl printed for them."""

ORDER = 60

PASSPHRASE = "portcullis-ssl-passphrase"
DAYS = "7300"

KEYGEN = {
    "rsa": ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
    "ec": ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-pkeyopt", "ec_param_enc:named_curve"],
    "ed25519": ["-algorithm", "ED25519"],
}

CA_EXT = "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n" \
         "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always\n"
SERVER_EXT = "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n" \
             "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n" \
             "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n"
CLIENT_EXT = "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n" \
             "extendedKeyUsage=clientAuth\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n"


def make(ctx):
    ctx.record("passphrase", PASSPHRASE)
    certs = {}
    key(ctx, "root", "ec")
    ctx.write("ca.ext", CA_EXT)
    ctx.openssl("req", "-x509", "-new", "-key", "root.key.pem", "-subj",
                "/C=US/ST=IL/L=Chicago/O=Testing/CN=Testing Root CA", "-days", DAYS, "-sha256",
                "-set_serial", "1", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign", "-out", "root.cert.pem")
    certs["root"] = describe(ctx, "root")
    issue(ctx, "intermediate", "ec", "/C=US/ST=IL/L=Chicago/O=Testing/CN=Testing Intermediate CA", "root", CA_EXT, 2)
    certs["intermediate"] = describe(ctx, "intermediate")
    for serial, kind in enumerate(["rsa", "ec", "ed25519"], start=10):
        name = "server-" + kind
        issue(ctx, name, kind, "/O=Testing/CN=Server Certificate", "intermediate", SERVER_EXT, serial)
        certs[name] = describe(ctx, name)
        chain = ctx.read(name + ".cert.pem") + ctx.read("intermediate.cert.pem") + ctx.read("root.cert.pem")
        ctx.write(name + ".chain.pem", chain)
    issue(ctx, "client", "ec", "/O=Testing/CN=Client Certificate", "intermediate", CLIENT_EXT, 20)
    certs["client"] = describe(ctx, "client")
    ctx.write("client.chain.pem", ctx.read("client.cert.pem") + ctx.read("intermediate.cert.pem"))
    # a self-signed server certificate nobody trusts
    key(ctx, "untrusted", "ec")
    ctx.openssl("req", "-x509", "-new", "-key", "untrusted.key.pem", "-subj", "/O=Nobody/CN=Untrusted Server",
                "-days", DAYS, "-addext", "subjectAltName=DNS:localhost", "-out", "untrusted.cert.pem")
    certs["untrusted"] = describe(ctx, "untrusted")
    ctx.openssl("pkcs8", "-topk8", "-in", "server-ec.key.pem", "-v2", "aes-256-cbc", "-passout",
                "pass:" + PASSPHRASE, "-out", "server-ec.key.encrypted.pem")
    ctx.record("certificates", certs)
    ctx.record("pyopenssl_handshakes", pyopenssl_handshakes(ctx))


def key(ctx, name, kind):
    ctx.openssl("genpkey", *KEYGEN[kind], "-out", name + ".key.pem")


def issue(ctx, name, kind, subject, issuer, ext, serial):
    key(ctx, name, kind)
    ctx.openssl("req", "-new", "-key", name + ".key.pem", "-subj", subject, "-out", ctx.scratch(name + ".csr"))
    ctx.write(name + ".ext", ext)
    ctx.openssl("x509", "-req", "-in", ctx.scratch(name + ".csr"), "-CA", issuer + ".cert.pem",
                "-CAkey", issuer + ".key.pem", "-set_serial", str(serial), "-days", DAYS, "-sha256",
                "-extfile", name + ".ext", "-out", name + ".cert.pem")


def describe(ctx, name):
    cert = name + ".cert.pem"
    return {
        "cert": ctx.fixture(cert),
        "key": ctx.fixture(name + ".key.pem"),
        "subject_rfc2253": ctx.openssl("x509", "-in", cert, "-noout", "-subject", "-nameopt", "RFC2253")
        .text.strip().split("=", 1)[1],
        "subject_oneline": ctx.openssl("x509", "-in", cert, "-noout", "-subject").text.strip().split("=", 1)[1]
        .strip(),
        "sha256": ctx.openssl("x509", "-in", cert, "-noout", "-fingerprint", "-sha256").text.strip()
        .split("=", 1)[1],
    }


# ---- what pyOpenSSL 23 reports for handshakes with these files (the oracle for verification behaviour) ----

def pyopenssl_handshakes(ctx):
    """Memory-BIO handshakes between two pyOpenSSL Connections using the files above; records the verify-callback
    calls (errnum, depth, ok, subject CN) and the chains each side reports."""
    from OpenSSL import SSL, crypto

    def load_cert(name):
        return crypto.load_certificate(crypto.FILETYPE_PEM, ctx.read(name + ".cert.pem"))

    def load_key(name):
        return crypto.load_privatekey(crypto.FILETYPE_PEM, ctx.read(name + ".key.pem"))

    def cn(x509):
        return x509.get_subject().CN

    def run(trust_client, trust_server, client_cert, server_mode, accept_all, max_version):
        calls = {"client": [], "server": []}

        def recorder(side):
            def cb(conn, cert, errnum, depth, ok):
                calls[side].append([errnum, depth, ok, cn(cert)])
                return True if accept_all else ok
            return cb

        sctx = SSL.Context(SSL.TLS_METHOD)
        sctx.use_certificate(load_cert("server-ec"))
        sctx.add_extra_chain_cert(load_cert("intermediate"))
        sctx.use_privatekey(load_key("server-ec"))
        if trust_server:
            sctx.load_verify_locations(ctx.path("root.cert.pem"))
        sctx.set_verify(server_mode, recorder("server"))
        cctx = SSL.Context(SSL.TLS_METHOD)
        if max_version:
            cctx.set_max_proto_version(max_version)
        if trust_client:
            cctx.load_verify_locations(ctx.path("root.cert.pem"))
        if client_cert:
            cctx.use_certificate(load_cert("client"))
            cctx.add_extra_chain_cert(load_cert("intermediate"))
            cctx.use_privatekey(load_key("client"))
        cctx.set_verify(SSL.VERIFY_PEER, recorder("client"))
        server = SSL.Connection(sctx, None)
        server.set_accept_state()
        client = SSL.Connection(cctx, None)
        client.set_connect_state()
        error = None
        try:
            for _ in range(50):
                for conn in (client, server):
                    try:
                        conn.do_handshake()
                    except SSL.WantReadError:
                        pass
                moved = False
                for a, b in ((client, server), (server, client)):
                    try:
                        data = a.bio_read(65536)
                        b.bio_write(data)
                        moved = True
                    except SSL.WantReadError:
                        pass
                if not moved:
                    break
        except SSL.Error as e:
            error = [list(t) for t in e.args[0]] if e.args and isinstance(e.args[0], list) else str(e)

        def chain_names(chain):
            return None if chain is None else [cn(c) for c in chain]

        return {
            "client_calls": calls["client"], "server_calls": calls["server"], "error": error,
            "client_peer_chain": chain_names(client.get_peer_cert_chain()),
            "server_peer_chain": chain_names(server.get_peer_cert_chain()),
            "client_verified_chain": chain_names(client.get_verified_chain()),
            "server_verified_chain": chain_names(server.get_verified_chain()),
            "version": client.get_protocol_version_name() if error is None else None,
        }

    cases = {}
    both = SSL.VERIFY_PEER | SSL.VERIFY_FAIL_IF_NO_PEER_CERT
    for label, version in (("tls13", 0), ("tls12", SSL.TLS1_2_VERSION)):
        cases["untrusted_accept_all_" + label] = run(False, False, False, SSL.VERIFY_NONE, True, version)
        cases["trusted_" + label] = run(True, False, False, SSL.VERIFY_NONE, False, version)
        cases["untrusted_default_" + label] = run(False, False, False, SSL.VERIFY_NONE, False, version)
        cases["client_cert_" + label] = run(True, True, True, both, False, version)
        cases["client_cert_missing_" + label] = run(True, True, False, both, False, version)
    return cases
