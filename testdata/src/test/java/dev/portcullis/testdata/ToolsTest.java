package dev.portcullis.testdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Uses only POSIX shell utilities, present on every machine that builds Portcullis. */
class ToolsTest {

    @Test
    void requireFindsToolsOnPathAndByAbsolutePath() {
        Path sh = Tools.require("sh");
        assertTrue(sh.isAbsolute(), sh.toString());
        assertEquals(sh, Tools.require(sh.toString()));
        assertTrue(Tools.isPresent("sh"));
    }

    @Test
    void requireFailsWithInstallHint() {
        AssertionError e = assertThrows(AssertionError.class, () -> Tools.require("certutil-no-such-tool"));
        assertTrue(e.getMessage().startsWith("required tool certutil-no-such-tool is missing (install package"),
                e.getMessage());
        AssertionError abs = assertThrows(AssertionError.class, () -> Tools.require("/nonexistent/openssl"));
        assertEquals("required tool /nonexistent/openssl is missing (install package openssl)", abs.getMessage());
        assertFalse(Tools.isPresent("/nonexistent/openssl"));
    }

    @Test
    void runFeedsStdinAndCollectsBothStreams() {
        byte[] input = "hello\u0000world".getBytes(StandardCharsets.UTF_8);
        Tools.Result r = Tools.run(Duration.ofSeconds(20), input, "sh", "-c", "cat; echo oops >&2; exit 3");
        assertEquals(3, r.exitCode());
        assertArrayEquals(input, r.stdout());
        assertEquals("oops\n", r.stderr());
    }

    @Test
    void largeOutputOnBothStreamsDoesNotDeadlock() {
        Tools.Result r = Tools.run(Duration.ofSeconds(30), null, "sh", "-c",
                "i=0; while [ $i -lt 20000 ]; do echo line-$i; echo err-$i >&2; i=$((i+1)); done");
        assertEquals(0, r.exitCode());
        assertTrue(r.stdoutText().endsWith("line-19999\n"));
        assertTrue(r.stderr().endsWith("err-19999\n"));
    }

    @Test
    void timeoutKillsTheProcess() {
        long start = System.nanoTime();
        AssertionError e = assertThrows(AssertionError.class,
                () -> Tools.run(Duration.ofMillis(300), null, "sh", "-c", "echo started; sleep 30"));
        assertTrue(e.getMessage().startsWith("command timed out after"), e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(15).toNanos(), "kill took too long");
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Tools.run(Duration.ZERO, null, "sh"));
        assertThrows(IllegalArgumentException.class, () -> Tools.run(Duration.ofSeconds(1), null));
        assertThrows(IllegalArgumentException.class, () -> Tools.require(""));
    }
}
