"""pyOpenSSL 23 (Debian python3-openssl, run with /usr/bin/python3) on the same TLS work as the JMH classes
bench/src/main/java/dev/portcullis/bench/ssl/SslHandshakeBench.java and SslBulkBench.java:

  * full handshakes per second, client and server Connection in memory-BIO mode in one thread, bytes pumped with
    bio_read/bio_write: TLS 1.3 X25519 with an ECDSA P-256 certificate (TLS_AES_128_GCM_SHA256), and TLS 1.2
    ECDHE-RSA-AES128-GCM-SHA256 with RSA-2048;
  * bulk MiB/s after a TLS 1.3 handshake: 64 client writes of 16 KiB, each pumped to the server and read there
    (one operation = 1 MiB), with AES-128-GCM and ChaCha20-Poly1305.

usage: /usr/bin/python3 bench/python/ssl_bench.py [seconds per measurement, default 3] [rounds, default 3]
Prints one line per measurement and the median per case. Compare ratios with a JMH run made at the same time."""
import datetime
import statistics
import sys
import time

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID
from OpenSSL import SSL, crypto
from OpenSSL._util import lib as _lib


def self_signed(key):
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.utcnow()
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now - datetime.timedelta(hours=1))
            .not_valid_after(now + datetime.timedelta(days=1)).sign(key, hashes.SHA256()))
    return crypto.X509.from_cryptography(cert), crypto.PKey.from_cryptography_key(key)


EC_CRED = self_signed(ec.generate_private_key(ec.SECP256R1()))
RSA_CRED = self_signed(rsa.generate_private_key(65537, 2048))


def contexts(scenario):
    cert, key = EC_CRED if scenario.startswith("TLS13") else RSA_CRED
    server = SSL.Context(SSL.TLS_METHOD)
    server.use_certificate(cert)
    server.use_privatekey(key)
    client = SSL.Context(SSL.TLS_METHOD)
    for ctx in (client, server):
        if scenario.startswith("TLS13"):
            ctx.set_min_proto_version(SSL.TLS1_3_VERSION)
            suite = b"TLS_CHACHA20_POLY1305_SHA256" if "CHACHA" in scenario else b"TLS_AES_128_GCM_SHA256"
            # pyOpenSSL 23 has no set_tls13_ciphersuites; call OpenSSL directly
            assert _lib.SSL_CTX_set_ciphersuites(ctx._context, suite) == 1
        else:
            ctx.set_max_proto_version(SSL.TLS1_2_VERSION)
            ctx.set_cipher_list(b"ECDHE-RSA-AES128-GCM-SHA256")
    # the key exchange group is OpenSSL's default first choice, X25519 (pyOpenSSL 23 binds no set1_groups_list)
    return client, server


def move(a, b):
    moved = False
    while True:
        try:
            data = a.bio_read(65536)
        except SSL.WantReadError:
            return moved
        b.bio_write(data)
        moved = True


def handshake(client_ctx, server_ctx):
    client = SSL.Connection(client_ctx, None)
    client.set_connect_state()
    server = SSL.Connection(server_ctx, None)
    server.set_accept_state()
    for _ in range(100):
        for conn in (client, server):
            try:
                conn.do_handshake()
            except SSL.WantReadError:
                pass
        if not (move(client, server) | move(server, client)):
            if client.get_state_string() == server.get_state_string() == b"SSL negotiation finished successfully":
                return client, server
    raise RuntimeError("handshake did not complete")


def rate(operation, seconds):
    for _ in range(20):
        operation()
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        operation()
        count += 1
    return count / (time.perf_counter() - start)


def bulk_operation(client, server):
    data = b"\0" * 16384

    def op():
        for _ in range(64):
            client.sendall(data)
            move(client, server)
            got = 0
            while got < 16384:
                got += len(server.recv(65536))
    return op


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    results = {}
    for _ in range(rounds):
        for scenario in ("TLS13_ECDSA_AES128GCM", "TLS12_RSA_AES128GCM"):
            c, s = contexts(scenario)
            value = rate(lambda: handshake(c, s), seconds)
            results.setdefault("handshake " + scenario, []).append(value)
            print("handshake %-24s %10.1f hs/s" % (scenario, value), flush=True)
        for scenario in ("TLS13_ECDSA_AES128GCM", "TLS13_ECDSA_CHACHA20"):
            c, s = contexts(scenario)
            client, server = handshake(c, s)
            value = rate(bulk_operation(client, server), seconds)
            results.setdefault("bulk " + scenario, []).append(value)
            print("bulk      %-24s %10.1f MiB/s" % (scenario, value), flush=True)
    print("-- medians (pyOpenSSL %s, %s)" % (__import__("OpenSSL").__version__,
                                             SSL.SSLeay_version(SSL.SSLEAY_VERSION).decode()))
    for name, values in results.items():
        print("%-36s %10.1f" % (name, statistics.median(values)))


main()
