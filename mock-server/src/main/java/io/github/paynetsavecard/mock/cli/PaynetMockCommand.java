package io.github.paynetsavecard.mock.cli;

import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.mock.paynet.ErrorChannel;
import io.github.paynetsavecard.mock.paynet.ExpiredSessionAnswer;
import io.github.paynetsavecard.mock.paynet.PaynetSettings;
import io.github.paynetsavecard.spec.InvalidSpecException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar paynet-mock-server.jar [--mode paynet|prism] [--port 4010] [--host 127.0.0.1] [--spec FILE]
 * [--cors=true|false] [--otp-required] [--error-channel http-200|error-object] [--session-lifetime PT30M]
 * [--max-sessions 10000] [--expired-session declared|alternative]}: runs the mock in the foreground until Ctrl-C.
 * Defaults and short flags follow {@code prism mock}; Paynet mode is the default, {@code --mode prism} is a drop-in
 * for {@code prism mock}.
 * Exit codes: 0 after a clean stop, 1 when the spec cannot be loaded or the port cannot be used, 2 for bad flags.
 */
@Command(
        name = "paynet-mock-server",
        mixinStandardHelpOptions = false,
        sortOptions = false,
        description = "Serves every operation of an OpenAPI spec like Stoplight Prism (default: the bundled"
                + " Paynet save_card spec), by default in Paynet mode: sessions from Auth, the hosted page under"
                + " /__paynet/, charge reporting the card save. Stop with Ctrl-C.",
        exitCodeOnInvalidInput = CommandLine.ExitCode.USAGE)
public final class PaynetMockCommand implements Callable<Integer> {
    /** Prism's default port. */
    static final int DEFAULT_PORT = 4010;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "" + DEFAULT_PORT,
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = {"-h", "--host"}, paramLabel = "HOST", defaultValue = PaynetMockServer.DEFAULT_HOST,
            description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--spec", paramLabel = "FILE",
            description = "OpenAPI 3 file (YAML or JSON) to serve (default: the bundled save_card spec).")
    private Path spec;

    @Option(names = "--cors", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            defaultValue = "true",
            description = "Answer CORS preflights and add CORS headers (default: ${DEFAULT-VALUE}).")
    private boolean cors;

    @Option(names = "--mode", paramLabel = "paynet|prism", defaultValue = "paynet",
            description = "paynet: sessions and Paynet's rules (default); prism: exactly like `prism mock`.")
    private String mode;

    @Option(names = "--otp-required", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            defaultValue = "false",
            description = "Paynet mode: save_card needs user_gsm unless Auth had user_gsm_no (default: ${DEFAULT-VALUE}).")
    private boolean otpRequired;

    @Option(names = "--error-channel", paramLabel = "http-200|error-object",
            description = "Paynet mode: rejections as HTTP 200 with code, or as a 4xx Error with result_code"
                    + " (default: the spec's x-paynet-error-channel).")
    private String errorChannel;

    @Option(names = "--session-lifetime", paramLabel = "DURATION", defaultValue = "PT30M",
            description = "Paynet mode: how long a session lives, as PT30M, PT2H or 90s (default: 30 minutes).")
    private String sessionLifetime;

    @Option(names = "--max-sessions", paramLabel = "N", defaultValue = "" + PaynetSettings.DEFAULT_MAX_SESSIONS,
            description = "Paynet mode: sessions kept at most, the oldest dropped first (default: ${DEFAULT-VALUE}).")
    private int maxSessions;

    @Option(names = "--expired-session", paramLabel = "declared|alternative", defaultValue = "declared",
            description = "Paynet mode: an expired session gets the spec's declared answer or its alternative"
                    + " (default: ${DEFAULT-VALUE}).")
    private String expiredSession;

    @Option(names = {"-v", "--verbose"},
            description = "Log one line per request: method, path and status (never headers or bodies).")
    private boolean verbose;

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private final PrintStream out;
    private final PrintStream err;
    private final Consumer<PaynetMockServer> whileRunning;

    PaynetMockCommand(PrintStream out, PrintStream err, Consumer<PaynetMockServer> whileRunning) {
        this.out = out;
        this.err = err;
        this.whileRunning = whileRunning;
    }

    /**
     * Runs the mock until the JVM is asked to stop (Ctrl-C, SIGTERM).
     *
     * @param args the command line, as {@code --help} lists it; the JVM exits with picocli's exit code
     */
    public static void main(String[] args) {
        quietenLibraryLogging();
        System.exit(execute(System.out, System.err, PaynetMockCommand::untilShutdown, args));
    }

    /** Parses {@code args} and runs; {@code whileRunning} returns when the server should stop. */
    static int execute(PrintStream out, PrintStream err, Consumer<PaynetMockServer> whileRunning, String... args) {
        CommandLine commandLine = new CommandLine(new PaynetMockCommand(out, err, whileRunning));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Spec
    private CommandSpec command;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    "Invalid value for option '--port': " + port + " is not between 0 and 65535 (0 picks a free port)");
        }
        if (host.isBlank()) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    "Invalid value for option '--host': it is blank (127.0.0.1 for this machine, 0.0.0.0 for all)");
        }
        PaynetMockServer.Builder builder = PaynetMockServer.builder()
                .mode(mode())
                .host(host)
                .port(port)
                .cors(cors)
                .recordedRequestLimit(0)
                .otpRequired(otpRequired)
                .sessionLifetime(sessionLifetime())
                .maxSessions(maxSessions())
                .expiredSessionAnswer(ExpiredSessionAnswer.fromFlag(expiredSession).orElseThrow(() -> badFlag(
                        "--expired-session", "`" + expiredSession + "` is neither declared nor alternative")));
        if (errorChannel != null) {
            builder.errorChannel(ErrorChannel.fromFlag(errorChannel).orElseThrow(() -> badFlag("--error-channel",
                    "`" + errorChannel + "` is neither http-200 nor error-object")));
        }
        if (spec != null) {
            builder.spec(spec);
        }
        if (verbose) {
            builder.requestLog(out::println);
        }
        PaynetMockServer server;
        try {
            server = builder.build().start();
        } catch (InvalidSpecException | IllegalArgumentException | IllegalStateException e) {
            err.println("paynet-mock-server: " + e.getMessage());
            return 1;
        }
        Thread stopOnShutdown = new Thread(() -> stop(server), "paynet-mock-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnShutdown);
        out.println("Paynet mock server is listening on " + server.baseUrl() + " (spec: " + server.specSource()
                + ", mode: " + server.mode().name().toLowerCase(Locale.ROOT) + ")");
        server.operations().forEach(operation -> out.println("  " + operation));
        if (server.mode() == PaynetMockServer.Mode.PAYNET) {
            out.println("  GET  /__paynet/hosted-page?session_id=...   (the cardholder's page; mock only)");
            out.println("  GET  /__paynet/session?session_id=...       (a session's state; mock only)");
            out.println("  POST /__paynet/reset                        (forget every session; mock only)");
        }
        out.flush();
        whileRunning.accept(server);
        Runtime.getRuntime().removeShutdownHook(stopOnShutdown);
        stop(server);
        return 0;
    }

    private PaynetMockServer.Mode mode() {
        String wanted = mode.strip().toLowerCase(Locale.ROOT);
        for (PaynetMockServer.Mode known : PaynetMockServer.Mode.values()) {
            if (known.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return known;
            }
        }
        throw badFlag("--mode", "`" + mode + "` is neither paynet nor prism");
    }

    private Duration sessionLifetime() {
        String text = sessionLifetime.strip();
        try {
            Duration lifetime = text.matches("\\d+s")
                    ? Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)))
                    : Duration.parse(text);
            if (!lifetime.isNegative() && !lifetime.isZero()) {
                return lifetime;
            }
        } catch (DateTimeParseException | NumberFormatException notADuration) {
            // reported below
        }
        throw badFlag("--session-lifetime", "`" + sessionLifetime
                + "` is not a positive duration; write it like PT30M, PT2H or 90s");
    }

    private int maxSessions() {
        if (maxSessions < 1) {
            throw badFlag("--max-sessions", maxSessions + " is less than 1; keep at least one session (default "
                    + PaynetSettings.DEFAULT_MAX_SESSIONS + ")");
        }
        return maxSessions;
    }

    private CommandLine.ParameterException badFlag(String flag, String problem) {
        return new CommandLine.ParameterException(command.commandLine(),
                "Invalid value for option '" + flag + "': " + problem);
    }

    private void stop(PaynetMockServer server) {
        server.close();
        out.println("Paynet mock server stopped.");
        out.flush();
    }

    private static void untilShutdown(PaynetMockServer server) {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Jetty logs through SLF4J; the jar bundles slf4j-simple, which would otherwise print Jetty's INFO and start-up WARN lines. */
    private static void quietenLibraryLogging() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
    }
}
