"""A pyOpenSSL 23 peer for Portcullis interop tests (run with /usr/bin/python3).

usage: pyopenssl_peer.py constants
       pyopenssl_peer.py server CERT KEY MAXVERSION      (prints the port, then one JSON line at the end)
       pyopenssl_peer.py client PORT CAFILE MAXVERSION   (prints one JSON line at the end)

The peer runs a socket-mode pyOpenSSL Connection on 127.0.0.1: it handshakes; as a server it receives one message
and answers b"echo:" + message, as a client it sends b"ping" and receives the answer; then it shuts down, and reports what OpenSSL negotiated (hex for byte values)."""
import json
import signal
import socket
import sys

from OpenSSL import SSL


def constants():
    out = {}
    for name in dir(SSL):
        value = getattr(SSL, name)
        if name[:1].isupper() and isinstance(value, int) and not isinstance(value, bool):
            out[name] = value
    print(json.dumps(out))


def hexof(value):
    return None if value is None else value.hex()


def report(conn, received):
    info = {
        "version": conn.get_protocol_version_name(),
        "cipher": conn.get_cipher_name(),
        "bits": conn.get_cipher_bits(),
        "client_random": hexof(conn.client_random()),
        "server_random": hexof(conn.server_random()),
        "finished": hexof(conn.get_finished()),
        "peer_finished": hexof(conn.get_peer_finished()),
        "received": received.decode("ascii"),
        "shutdown": conn.get_shutdown(),
        "ekm": hexof(conn.export_keying_material(b"EXPERIMENTAL-portcullis", 32)),
        "ekm_context": hexof(conn.export_keying_material(b"EXPERIMENTAL-portcullis", 32, b"ctx")),
    }
    if info["version"] != "TLSv1.3":
        info["master_key"] = hexof(conn.master_key())
    cert = conn.get_peer_certificate()
    info["peer_cn"] = None if cert is None else cert.get_subject().CN
    print(json.dumps(info), flush=True)


def converse(conn, client):
    conn.do_handshake()
    if client:
        conn.sendall(b"ping")
        received = conn.recv(1024)
    else:
        received = conn.recv(1024)
        conn.sendall(b"echo:" + received)
    try:
        conn.recv(1024)  # wait for the peer's close_notify
    except SSL.ZeroReturnError:
        pass
    conn.shutdown()
    report(conn, received)


def main():
    signal.alarm(60)
    role = sys.argv[1]
    if role == "constants":
        constants()
        return
    max_version = int(sys.argv[4], 16)
    ctx = SSL.Context(SSL.TLS_METHOD)
    if max_version:
        ctx.set_max_proto_version(max_version)
    if role == "server":
        ctx.use_certificate_file(sys.argv[2])
        ctx.use_privatekey_file(sys.argv[3])
        listener = socket.socket()
        listener.settimeout(30)
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        print(listener.getsockname()[1], flush=True)
        sock, _ = listener.accept()
        sock.settimeout(None)  # pyOpenSSL needs a blocking socket; the alarm bounds the run
        conn = SSL.Connection(ctx, sock)
        conn.set_accept_state()
    else:
        ctx.load_verify_locations(sys.argv[3])
        ctx.set_verify(SSL.VERIFY_PEER, None)
        sock = socket.create_connection(("127.0.0.1", int(sys.argv[2])), timeout=30)
        sock.settimeout(None)
        conn = SSL.Connection(ctx, sock)
        conn.set_tlsext_host_name(b"localhost")
        conn.set_connect_state()
    converse(conn, role == "client")


main()
