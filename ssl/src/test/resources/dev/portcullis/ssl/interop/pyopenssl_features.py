"""A pyOpenSSL 23 TLS 1.2 server with an SNI callback, an ALPN select callback, OCSP stapling and a session cache,
for Portcullis's feature interop test. Usage: pyopenssl_features.py CERT KEY OCSP_FILE CONNECTIONS
Prints the port, then one JSON line per connection with what pyOpenSSL saw."""
import json
import socket
import sys

from OpenSSL import SSL
from OpenSSL._util import lib

cert, key, ocsp_file, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
staple = open(ocsp_file, "rb").read()
seen = {}

ctx = SSL.Context(SSL.TLS_METHOD)
ctx.set_max_proto_version(SSL.TLS1_2_VERSION)
ctx.use_certificate_file(cert)
ctx.use_privatekey_file(key)
ctx.set_session_id(b"pyopenssl-features")


def on_servername(conn):
    name = conn.get_servername()
    seen["servername"] = name.decode() if name else None


def on_alpn(conn, offered):
    seen["offered"] = [p.decode() for p in offered]
    return offered[-1]


def on_ocsp(conn, data):
    seen["ocsp_requested"] = True
    return staple


ctx.set_tlsext_servername_callback(on_servername)
ctx.set_alpn_select_callback(on_alpn)
ctx.set_ocsp_server_callback(on_ocsp)

listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(4)
print(listener.getsockname()[1], flush=True)
for _ in range(count):
    sock, _ = listener.accept()
    seen.clear()
    conn = SSL.Connection(ctx, sock)
    conn.set_accept_state()
    conn.do_handshake()
    data = conn.recv(1024)
    conn.sendall(b"echo:" + data)
    try:
        conn.recv(1024)
    except SSL.ZeroReturnError:
        pass
    conn.shutdown()
    result = dict(seen)
    result["alpn"] = conn.get_alpn_proto_negotiated().decode()
    result["reused"] = bool(lib.SSL_session_reused(conn._ssl))
    result["master_key"] = conn.master_key().hex()
    sock.close()
    print(json.dumps(result), flush=True)
