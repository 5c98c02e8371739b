package dev.portcullis.testdata;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Finds and runs the external tools that interop tests compare against (openssl, certutil, pk12util,
 * keytool, Debian's {@code /usr/bin/python3} with pyOpenSSL 23 and python-nss).
 *
 * <p>Interop tests run only in the {@code interop} Maven profile, where a missing tool is a failure:
 * {@link #require(String)} therefore throws {@link AssertionError}, never a skip. {@link #run} always
 * ends: a process that outlives its timeout is killed together with its children.
 */
public final class Tools {
    /** Debian's Python, the one that has pyOpenSSL 23 ({@code python3-openssl}) and {@code python3-nss}. */
    public static final String PYTHON = "/usr/bin/python3";

    private static final Map<String, String> PACKAGES = Map.of(
            "openssl", "openssl",
            "certutil", "libnss3-tools",
            "pk12util", "libnss3-tools",
            "modutil", "libnss3-tools",
            "keytool", "openjdk-17-jdk-headless",
            "python3", "python3-openssl python3-nss",
            "sqlite3", "sqlite3",
            "tshark", "tshark");

    private Tools() {
    }

    /**
     * What a finished command produced.
     *
     * @param exitCode the process exit code
     * @param stdout everything written to standard output
     * @param stderr standard error decoded as UTF-8
     */
    public record Result(int exitCode, byte[] stdout, String stderr) {
        /**
         * Standard output decoded as UTF-8.
         *
         * @return the text
         */
        public String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ", " + stdout.length + " bytes on stdout, stderr: " + stderr;
        }
    }

    /**
     * Locates a tool: an absolute path ({@code /usr/bin/python3}) must exist and be executable; a bare
     * name is searched on {@code PATH}.
     *
     * @param name a command name or an absolute path
     * @return the executable's path
     * @throws AssertionError "required tool X is missing (install package Y)" when it is absent
     */
    public static Path require(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("tool name must not be empty");
        }
        Path found = find(name);
        if (found == null) {
            throw new AssertionError("required tool " + name + " is missing (install package "
                    + packageOf(name) + ")");
        }
        return found;
    }

    /**
     * Whether {@link #require(String)} would succeed.
     *
     * @param name a command name or an absolute path
     * @return true if the tool is present and executable
     */
    public static boolean isPresent(String name) {
        return name != null && !name.isBlank() && find(name) != null;
    }

    /**
     * Runs a command in the current directory; see {@link #runIn}.
     *
     * @param timeout how long the command may run before it is killed
     * @param stdin bytes fed to standard input (then closed); null for none
     * @param command the program and its arguments
     * @return exit code, standard output and standard error
     * @throws AssertionError if the program is missing or the command times out
     */
    public static Result run(Duration timeout, byte[] stdin, String... command) {
        return runIn(null, timeout, stdin, command);
    }

    /**
     * Runs a command in {@code dir} with {@code LC_ALL=C} and {@code TZ=UTC}, feeding {@code stdin} and
     * collecting standard output and error concurrently (so neither pipe can fill up and block). When
     * {@code timeout} passes, the process and its descendants are killed and an AssertionError reports
     * what was printed so far.
     *
     * @param dir working directory, null for the current one
     * @param timeout how long the command may run
     * @param stdin bytes fed to standard input (then closed); null for none
     * @param command the program and its arguments
     * @return exit code, standard output and standard error
     * @throws AssertionError if the program is missing or the command times out
     */
    public static Result runIn(Path dir, Duration timeout, byte[] stdin, String... command) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (command == null || command.length == 0) {
            throw new IllegalArgumentException("command must not be empty");
        }
        require(command[0]);
        ProcessBuilder pb = new ProcessBuilder(command);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("TZ", "UTC");
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new AssertionError("cannot start " + command[0] + ": " + e.getMessage(), e);
        }
        Pump out = new Pump(process.getInputStream());
        Pump err = new Pump(process.getErrorStream());
        Thread feeder = feed(process.getOutputStream(), stdin);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                out.join(1000);
                err.join(1000);
                throw new AssertionError("command timed out after " + timeout + ": " + String.join(" ", command)
                        + "\nstdout so far: " + out.text() + "\nstderr so far: " + err.text());
            }
            out.join(timeout.toMillis());
            err.join(timeout.toMillis());
            feeder.join(1000);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        }
        return new Result(process.exitValue(), out.bytes(), err.text());
    }

    private static Thread feed(OutputStream stdinStream, byte[] stdin) {
        Thread t = new Thread(() -> {
            try (OutputStream os = stdinStream) {
                if (stdin != null) {
                    os.write(stdin);
                }
            } catch (IOException ignored) {
                // the process exited without reading all of its input: its exit code tells the story
            }
        }, "tools-stdin");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void kill(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path find(String name) {
        if (name.contains(File.separator)) {
            Path p = Path.of(name);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static String packageOf(String name) {
        String base = Path.of(name).getFileName().toString();
        return PACKAGES.getOrDefault(base, "providing " + base);
    }

    /** Reads a stream to its end on a daemon thread. */
    private static final class Pump extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        Pump(InputStream in) {
            super("tools-pump");
            this.in = in;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            byte[] chunk = new byte[8192];
            try (InputStream s = in) {
                int n;
                while ((n = s.read(chunk)) != -1) {
                    synchronized (buffer) {
                        buffer.write(chunk, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // the stream closes when the process is killed
            }
        }

        byte[] bytes() {
            synchronized (buffer) {
                return buffer.toByteArray();
            }
        }

        String text() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }
    }
}
