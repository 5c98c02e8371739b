"""A pyOpenSSL 23 TLS 1.2 client for Portcullis's feature interop test: two connections to PORT, both with SNI and
an ALPN offer, the second resuming the first's session. Prints one JSON line per connection."""
import json
import socket
import sys

from OpenSSL import SSL
from OpenSSL._util import lib

port, cafile = int(sys.argv[1]), sys.argv[2]
ctx = SSL.Context(SSL.TLS_METHOD)
ctx.set_max_proto_version(SSL.TLS1_2_VERSION)
ctx.load_verify_locations(cafile)
ctx.set_verify(SSL.VERIFY_PEER, lambda conn, cert, errno, depth, ok: ok)
ctx.set_alpn_protos([b"http/1.1", b"h2"])
session = None
for _ in range(2):
    sock = socket.create_connection(("127.0.0.1", port))
    conn = SSL.Connection(ctx, sock)
    conn.set_tlsext_host_name(b"features.example")
    if session is not None:
        conn.set_session(session)
    conn.set_connect_state()
    conn.do_handshake()
    conn.sendall(b"ping")
    echoed = conn.recv(1024)
    conn.shutdown()
    try:
        conn.recv(1024)
    except SSL.ZeroReturnError:
        pass
    session = conn.get_session()
    print(json.dumps({"alpn": conn.get_alpn_proto_negotiated().decode(), "echo": echoed.decode(),
                      "reused": bool(lib.SSL_session_reused(conn._ssl)), "master_key": conn.master_key().hex(),
                      "peer_cn": conn.get_peer_certificate().get_subject().CN}), flush=True)
    sock.close()
