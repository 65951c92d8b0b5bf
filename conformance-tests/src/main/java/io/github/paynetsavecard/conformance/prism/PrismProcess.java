package io.github.paynetsavecard.conformance.prism;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stoplight Prism (the version pinned in {@code conformance-tests/prism/package.json}) mocking one spec on a free
 * local port, as one process that {@link #close()} stops.
 *
 * <pre>{@code
 * Optional<String> missing = PrismProcess.missingTools();   // "node is not on the PATH", ...
 * try (PrismProcess prism = PrismProcess.start(prismDir, spec, logDir)) {
 *     URI url = prism.baseUrl();                            // http://127.0.0.1:<port>
 * }
 * }</pre>
 *
 * <p>If {@code node_modules} is missing, {@code npm ci} installs the locked version first (output in
 * {@code npm-ci.log}). Prism is run as {@code node_modules/.bin/prism} directly, not through {@code npx}, so
 * that there is one process to stop.
 */
public final class PrismProcess implements AutoCloseable {
    private static final String HOST = "127.0.0.1";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI baseUrl;
    private final Path log;
    private final Thread shutdownHook;

    private PrismProcess(Process process, URI baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
        this.shutdownHook = new Thread(this::stop, "stop-prism");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Why Prism cannot run on this machine ({@code node} or {@code npm} not on the PATH); empty when it can.
     *
     * @return a sentence naming the first missing tool, for a test's skip reason; empty when both are there
     */
    public static Optional<String> missingTools() {
        return missingTools(System.getenv("PATH"));
    }

    /**
     * Why Prism cannot run with this {@code PATH}; empty when it can.
     *
     * @param path a {@code PATH} value, directories separated by the platform's separator; null counts as empty
     * @return a sentence naming the first missing tool; empty when {@code node} and {@code npm} are both there
     */
    public static Optional<String> missingTools(String path) {
        for (String tool : List.of("node", "npm")) {
            if (onPath(tool, path).isEmpty()) {
                return Optional.of(tool + " is not on the PATH (Prism needs Node.js and npm)");
            }
        }
        return Optional.empty();
    }

    /**
     * Installs Prism if needed, starts it on a free port mocking {@code spec}, and waits until it answers.
     *
     * @param prismDir the folder with Prism's {@code package.json} and lock file
     * @param spec     the OpenAPI file to mock
     * @param logDir   where {@code npm-ci.log} and {@code prism-<port>.log} go
     * @return the running Prism, listening; the caller closes it
     * @throws IllegalArgumentException when {@code prismDir} has no {@code package.json} or {@code spec} is no file
     * @throws IllegalStateException naming the log file when the install fails or Prism does not come up
     * @throws java.io.UncheckedIOException when the log folder cannot be made or the process cannot be started
     */
    public static PrismProcess start(Path prismDir, Path spec, Path logDir) {
        Objects.requireNonNull(prismDir, "prismDir == null");
        Objects.requireNonNull(spec, "spec == null");
        Objects.requireNonNull(logDir, "logDir == null");
        if (!Files.isRegularFile(prismDir.resolve("package.json"))) {
            throw new IllegalArgumentException("No package.json in " + prismDir + ": is that the prism folder?");
        }
        if (!Files.isRegularFile(spec)) {
            throw new IllegalArgumentException("No spec file at " + spec);
        }
        try {
            Files.createDirectories(logDir);
            Path prism = prismDir.resolve("node_modules/.bin/prism");
            if (!Files.isExecutable(prism)) {
                install(prismDir, logDir.resolve("npm-ci.log"));
            }
            for (int attempt = 1; ; attempt++) {
                int port = freePort();
                Path log = logDir.resolve("prism-" + port + ".log");
                Process process = new ProcessBuilder(prism.toAbsolutePath().toString(), "mock", "-h", HOST,
                        "-p", String.valueOf(port), spec.toAbsolutePath().toString())
                        .directory(prismDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                PrismProcess started = new PrismProcess(process, URI.create("http://" + HOST + ":" + port), log);
                try {
                    started.awaitListening(port);
                    return started;
                } catch (IllegalStateException failed) {
                    started.close();
                    // The free port was taken between choosing it and Prism binding it: choose another.
                    if (attempt == 3 || !tail(log).contains("EADDRINUSE")) {
                        throw failed;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Prism from " + prismDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Where Prism serves the spec's paths, e.g. {@code http://127.0.0.1:31245}.
     *
     * @return the base URL on the loopback address, without a trailing slash
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The Prism process itself, for a test that it is gone after {@link #close()}. */
    ProcessHandle processHandle() {
        return process.toHandle();
    }

    /**
     * Prism's own log (its request lines and warnings).
     *
     * @return the file {@code prism-<port>.log} in the log folder given to {@link #start}
     */
    public Path log() {
        return log;
    }

    /** Stops Prism and any worker it forked (it forks one when {@code NODE_ENV=production}). */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting; the hook runs stop() again, harmlessly.
        }
    }

    // The children are listed before anything is stopped: once Prism exits they are no longer its descendants,
    // and a worker that outlived it would be left behind.
    private void stop() {
        List<ProcessHandle> workers = process.descendants().toList();
        workers.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            for (ProcessHandle worker : workers) {
                try {
                    worker.onExit().get(5, TimeUnit.SECONDS);
                } catch (TimeoutException | ExecutionException stillRunning) {
                    worker.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            workers.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening(int port) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prism exited with " + process.exitValue() + " before listening; "
                        + "its log " + log + " ends with:\n" + tail(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 500);
                return;
            } catch (IOException notYet) {
                sleep(Duration.ofMillis(200));
            }
        }
        stop();
        throw new IllegalStateException("Prism did not listen on port " + port + " within " + START_TIMEOUT.toSeconds()
                + " s; see " + log + ":\n" + tail(log));
    }

    private static void install(Path prismDir, Path log) throws IOException {
        String npm = onPath("npm", System.getenv("PATH"))
                .orElseThrow(() -> new IllegalStateException("npm is not on the PATH"));
        Process install = new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund")
                .directory(prismDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!install.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                install.destroyForcibly();
                throw new IllegalStateException("npm ci in " + prismDir + " took over " + INSTALL_TIMEOUT.toMinutes()
                        + " min; see " + log);
            }
        } catch (InterruptedException e) {
            install.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while npm ci ran in " + prismDir, e);
        }
        if (install.exitValue() != 0) {
            throw new IllegalStateException("npm ci in " + prismDir + " failed with exit code " + install.exitValue()
                    + "; see " + log + ":\n" + tail(log));
        }
    }

    private static Optional<String> onPath(String tool, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Prism", e);
        }
    }
}
