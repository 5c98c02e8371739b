package dev.portcullis.ssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.portcullis.crypto.CryptoException.Entry;

/** The exception family: pyOpenSSL's str(e) rendering, cheap control-flow exceptions, errno of SysCallError. */
class SslExceptionTest {
    @Test
    void rendersEntriesLikePyOpenSsl() {
        SslException e = new SslException(List.of(new Entry("SSL routines", "", "no cipher match")));
        assertEquals("[('SSL routines', '', 'no cipher match')]", e.getMessage());
        assertTrue(e instanceof IOException);
        assertTrue(e.hasReason("CIPHER MATCH"));
        assertEquals("[]", new SslException(List.of()).getMessage());
    }

    @Test
    void controlFlowExceptionsCarryNoStackTraceOrEntries() {
        for (SslException e : new SslException[] {new WantReadException(), new WantWriteException(),
            new WantX509LookupException(), new ZeroReturnException()}) {
            assertEquals(0, e.getStackTrace().length, e.getClass().getSimpleName());
            assertTrue(e.errors().isEmpty());
        }
    }

    @Test
    void sysCallErrorKeepsErrnoAndName() {
        SysCallException eof = SysCallException.unexpectedEof();
        assertEquals(-1, eof.errno());
        assertEquals("Unexpected EOF", eof.errorName());
        assertEquals("(-1, 'Unexpected EOF')", eof.getMessage());
        SysCallException pipe = new SysCallException(SysCallException.EPIPE, "EPIPE", new IOException("Broken pipe"));
        assertEquals(32, pipe.errno());
        assertTrue(pipe.getCause() instanceof IOException);
    }
}
