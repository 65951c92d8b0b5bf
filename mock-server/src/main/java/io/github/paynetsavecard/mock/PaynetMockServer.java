package io.github.paynetsavecard.mock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.FatalStartupException;
import io.github.paynetsavecard.mock.engine.EngineOptions;
import io.github.paynetsavecard.mock.engine.RequestRule;
import io.github.paynetsavecard.mock.engine.MockEngine;
import io.github.paynetsavecard.mock.engine.MockRequest;
import io.github.paynetsavecard.mock.engine.MockResponse;
import io.github.paynetsavecard.mock.paynet.ErrorChannel;
import io.github.paynetsavecard.mock.paynet.ExpiredSessionAnswer;
import io.github.paynetsavecard.mock.paynet.PaynetMode;
import io.github.paynetsavecard.mock.paynet.PaynetSettings;
import io.github.paynetsavecard.mock.server.MockHttpServer;
import io.github.paynetsavecard.spec.ApiSpec;
import io.github.paynetsavecard.spec.InvalidSpecException;
import io.github.paynetsavecard.spec.OpenApiDocument;
import io.github.paynetsavecard.spec.index.Operation;
import io.github.paynetsavecard.spec.index.SpecIndex;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Paynet mock: an HTTP server that answers every operation of an OpenAPI spec the way Stoplight Prism does,
 * built on WireMock. By default it serves the save_card spec packaged with this project, in {@link Mode#PAYNET}:
 * Auth creates sessions, save_card and charge answer by the session's state, and the cardholder's page lives under
 * {@code /__paynet/} (see {@link #paynet()}). {@link Mode#PRISM} answers exactly like {@code prism mock}.
 *
 * <pre>{@code
 * try (PaynetMockServer mock = PaynetMockServer.builder().build().start()) {
 *     String url = mock.baseUrl();                      // http://127.0.0.1:PORT, a free port
 *     // ... call url + "/v1/paynetj/save_card" ...
 *     assertThat(mock.receivedRequests()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>Stubs added through {@link #wireMock()} take priority over the spec's answers, which makes faults easy:
 * <pre>{@code
 * mock.wireMock().stubFor(post("/v1/paynetj/save_card")
 *         .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
 * }</pre>
 *
 * <p>From any client, without Java: the request header {@code X-Paynet-Mock-Fault} ({@code reset}, {@code empty},
 * {@code garbage}, {@code delay=MS}, {@code html502}, {@code timeout}) asks for a fault, and in both modes
 * {@code GET /__paynet/openapi.yaml} (or {@code .json}), {@code /__paynet/docs} (a Swagger UI reference whose "Try it
 * out" calls this mock) and {@code /__paynet/health} show the contract being served.
 *
 * <p>Limits: a request body over {@link Builder#maxRequestBodyBytes(int)} (default 1 MiB) gets 413; request line
 * and headers over {@value #MAX_REQUEST_HEADER_BYTES} bytes get 431. WireMock's request journal is off, so
 * memory stays bounded; the newest {@link Builder#recordedRequestLimit(int)} requests, with at most 64 MiB of
 * bodies between them, are kept for {@link #receivedRequests()}.
 */
public final class PaynetMockServer implements AutoCloseable {
    /** The default host, loopback only, like Prism. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The largest request body accepted by default: 1 MiB. */
    public static final int DEFAULT_MAX_REQUEST_BODY_BYTES = 1024 * 1024;
    /** The largest request line plus headers accepted, as in Node.js (Prism's runtime): 16 KiB. */
    public static final int MAX_REQUEST_HEADER_BYTES = 16 * 1024;
    /**
     * The mock-only request header that asks for a fault ({@code reset}, {@code empty}, {@code garbage},
     * {@code delay=MS}, {@code html502}, {@code timeout}), in both modes; docs/mock-server.md lists what each does.
     */
    public static final String FAULT_HEADER = MockHttpServer.FAULT_HEADER;
    /** How many received requests are kept for {@link #receivedRequests()} by default. */
    public static final int DEFAULT_RECORDED_REQUEST_LIMIT = 1000;

    private enum State { NEW, RUNNING, CLOSED }

    private final RequestRecorder recorder;
    private final int recordedRequestLimit;
    private final String host;
    private final String specSource;
    private final List<String> operations;
    private final Mode mode;
    private final PaynetMode paynet;
    private final MockHttpServer http;
    private State state = State.NEW;

    /** How the mock picks among the spec's answers to a valid request. */
    public enum Mode {
        /** Like Paynet: sessions from Auth, their state picks the answer; mock-only endpoints under /__paynet/. */
        PAYNET,
        /** Like {@code prism mock}: stateless, the lowest 2xx and its first example unless {@code Prefer} says. */
        PRISM
    }

    private PaynetMockServer(Builder builder, SpecIndex index, PaynetMode paynet) {
        OpenApiDocument spec = index.document();
        this.host = builder.host;
        this.specSource = spec.source();
        this.operations = index.operations().stream()
                .map(operation -> operation.method().toUpperCase(Locale.ROOT) + " " + operation.path())
                .toList();
        this.mode = builder.mode;
        this.paynet = paynet;
        this.recordedRequestLimit = builder.recordedRequestLimit;
        List<RequestRule> rules = new ArrayList<>(builder.requestRules);
        if (paynet != null) {
            // After the user's rules, so that a test's own rule can still decide first.
            rules.add(paynet.requestRule());
        }
        MockEngine engine = MockEngine.create(index,
                EngineOptions.defaults().withCors(builder.cors).withRequestRules(rules));
        this.recorder = new RequestRecorder(builder.recordedRequestLimit, RequestRecorder.MAX_BODY_BYTES,
                builder.requestLog, RequestRecorder.redactionFor(spec),
                (method, path) -> engine.operationFor(method, path).map(Operation::id));
        Function<MockRequest, Optional<MockResponse>> paynetPages = paynet == null
                ? request -> Optional.empty()
                : paynet::answerMockOnly;
        this.http = new MockHttpServer(builder.host, builder.port, builder.maxRequestBodyBytes,
                MAX_REQUEST_HEADER_BYTES, spec, builder.mode.name().toLowerCase(Locale.ROOT), engine, paynetPages,
                recorder);
    }

    /** How many requests were answered ahead of WireMock's stub matching, for tests. */
    long answeredAheadOfWireMock() {
        return http.answeredAheadOfWireMock();
    }

    /**
     * A builder with the defaults: bundled spec, Paynet mode, host 127.0.0.1, a free port, CORS on. The first call
     * starts a daemon thread that loads the classes of a start ahead, while the spec is read (off with
     * {@code -Dpaynet.mock.preload=false}).
     *
     * @return a new builder; each call gives a fresh one
     * @throws IllegalArgumentException when {@code -Dpaynet.mock.preload} is set to anything but true or false
     */
    public static Builder builder() {
        ClassPreload.startOnce(); // the classes of a start load on a second thread while the spec is read
        return new Builder();
    }

    /**
     * Starts listening. Returns this server, so that {@code builder().build().start()} reads as one step.
     *
     * @return this server, now listening
     * @throws IllegalStateException when the server was started or closed before, or cannot listen on its
     *                               host and port (the message says which and why, e.g. the port is in use)
     */
    public synchronized PaynetMockServer start() {
        switch (state) {
            case RUNNING -> throw new IllegalStateException("This mock server is already running at " + baseUrl());
            case CLOSED -> throw new IllegalStateException(
                    "This mock server was closed; build a new one with PaynetMockServer.builder()");
            case NEW -> { }
        }
        try {
            http.wireMock().start();
        } catch (FatalStartupException | IllegalStateException e) {
            stopQuietly();
            state = State.CLOSED;
            throw new IllegalStateException(cannotListen(e), e);
        }
        state = State.RUNNING;
        return this;
    }

    /** Jetty may have started its threads before binding failed. */
    private void stopQuietly() {
        try {
            http.wireMock().stop();
        } catch (Exception alreadyFailed) { // WireMock rethrows Jetty's checked exceptions unchecked
            // nothing more to release
        }
    }

    private String cannotListen(Throwable failure) {
        String where = host + ":" + http.wireMock().getOptions().portNumber();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return "Cannot listen on " + where + ": the port is already in use (" + cause.getMessage()
                        + "). Choose another port (0 picks a free one) or stop the process using it.";
            }
        }
        return "Cannot listen on " + where + ": " + failure.getMessage();
    }

    /**
     * The base URL clients should call, e.g. {@code http://127.0.0.1:4010}, without a trailing slash.
     *
     * @return {@code http://host:port}; for an IPv6 host, in brackets
     */
    public String baseUrl() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shownHost + ":" + port();
    }

    /**
     * The port the server listens on; the real one when the builder asked for port 0.
     *
     * @return the bound port
     * @throws IllegalStateException when the server is not running (not started yet, or closed)
     */
    public synchronized int port() {
        if (state != State.RUNNING) {
            throw new IllegalStateException(state == State.NEW
                    ? "The mock server is not running yet; call start() first"
                    : "The mock server was closed; build a new one with PaynetMockServer.builder()");
        }
        return http.wireMock().port();
    }

    /**
     * Where the served spec came from: a file path, or the classpath resource of the bundled spec.
     *
     * @return a file path as the builder was given it, or {@code classpath:...} for the bundled spec
     */
    public String specSource() {
        return specSource;
    }

    /**
     * The operations the spec declares, as {@code METHOD /path} in document order, e.g. for a start-up banner.
     *
     * @return one {@code METHOD /path} per operation, immutable
     */
    public List<String> operations() {
        return operations;
    }


    /**
     * The requests received so far, oldest first (at most the builder's {@code recordedRequestLimit}, the
     * newest kept). An immutable snapshot; requests answered by {@link #wireMock()} stubs are included.
     *
     * @return the recorded requests, oldest first; empty when none came or none are recorded
     */
    public List<ReceivedRequest> receivedRequests() {
        return recorder.snapshot();
    }

    /**
     * The next received request not taken yet, in the order they arrived, waiting up to {@code timeout} for it: for
     * code that calls the mock from another thread. Like OkHttp's {@code MockWebServer.takeRequest}, each request
     * is handed out once; {@link #receivedRequests()} still lists them all. {@link #resetReceivedRequests()} starts
     * afresh with the requests that come after it.
     *
     * <pre>{@code
     * checkout.submitAsync(order);                                      // calls save_card on another thread
     * ReceivedRequest sent = mock.takeRequest(Duration.ofSeconds(5));
     * assertThat(sent.operationId()).hasValue("saveCard");
     * }</pre>
     *
     * @param timeout how long to wait at most, not negative, e.g. {@code Duration.ofSeconds(5)}
     * @return the next request not taken yet
     * @throws AssertionError        when no request came within {@code timeout} (the message says how long it waited
     *                               and how many requests were taken before)
     * @throws IllegalStateException when the server records no requests ({@code recordedRequestLimit(0)})
     */
    public ReceivedRequest takeRequest(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout == null; e.g. Duration.ofSeconds(5)");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, but was " + timeout);
        }
        requireRecording("takeRequest");
        try {
            return recorder.take(timeout).orElseThrow(() -> new AssertionError("No request reached the mock at "
                    + baseUrl() + " within " + timeout.toMillis() + " ms (" + receivedRequests().size()
                    + " received before, all taken already)."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for a request to the mock", e);
        }
    }

    /**
     * The requests the mock refused for breaking the spec since the last reset (at most the first 100), each with
     * its {@link ReceivedRequest#violations()}: invalid bodies, parameters or content types, a missing key, an
     * unknown path or method, a body that is not JSON. Business rejections of valid requests (Paynet mode's codes)
     * and answers forced with {@code Prefer} are not among them. The JUnit extension fails a test that sent one,
     * unless the test expects it.
     *
     * @return the refused requests, oldest first, immutable; empty when every request kept to the spec
     * @throws IllegalStateException when the server records no requests ({@code recordedRequestLimit(0)})
     */
    public List<ReceivedRequest> invalidRequests() {
        requireRecording("invalidRequests");
        return recorder.invalid();
    }

    private void requireRecording(String method) {
        if (recordedRequestLimit == 0) {
            throw new IllegalStateException(method + "() needs recorded requests, but this server was built with"
                    + " recordedRequestLimit(0); leave that setting out (the default keeps "
                    + DEFAULT_RECORDED_REQUEST_LIMIT + ")");
        }
    }

    /** Forgets the received requests, e.g. between tests. */
    public void resetReceivedRequests() {
        recorder.clear();
    }

    /** Removes every stub added through {@link #wireMock()}; the spec's answers stay. */
    public void resetStubs() {
        http.resetStubs();
    }

    /**
     * {@link #resetStubs()}, {@link #resetReceivedRequests()} and, in Paynet mode, {@link PaynetMode#reset()}
     * (sessions, clock, switches): back to the state right after start.
     */
    public void reset() {
        resetStubs();
        resetReceivedRequests();
        if (paynet != null) {
            paynet.reset();
        }
    }

    /**
     * The mode this server answers in.
     *
     * @return {@link Mode#PAYNET} or {@link Mode#PRISM}, as built
     */
    public Mode mode() {
        return mode;
    }

    /**
     * Paynet mode's state, for tests: create or expire sessions, switch OTP or the error channel, move the clock,
     * read a session, reset.
     *
     * @return the sessions, switches and clock of this server
     * @throws IllegalStateException in {@link Mode#PRISM}, which keeps no state
     */
    public PaynetMode paynet() {
        if (paynet == null) {
            throw new IllegalStateException("This mock runs in PRISM mode, which keeps no sessions; build it with"
                    + " .mode(PaynetMockServer.Mode.PAYNET) (the default) for Paynet's sessions");
        }
        return paynet;
    }

    /**
     * The underlying WireMock server, for stubs that override the spec's answers (faults, delays, odd bodies).
     * Do not call its {@code resetAll()} or {@code resetMappings()}: they also remove the spec's answers; use
     * {@link #resetStubs()}. Its request journal is off; use {@link #receivedRequests()}.
     *
     * @return the WireMock server this mock runs on
     */
    public WireMockServer wireMock() {
        return http.wireMock();
    }

    /** Stops the server. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (state == State.RUNNING) {
            http.wireMock().stop();
        }
        state = State.CLOSED;
    }

    /** Configures a {@link PaynetMockServer}; every setting has a default. */
    public static final class Builder {
        private Path spec;
        private String host = DEFAULT_HOST;
        private int port;
        private boolean cors = true;
        private int maxRequestBodyBytes = DEFAULT_MAX_REQUEST_BODY_BYTES;
        private int recordedRequestLimit = DEFAULT_RECORDED_REQUEST_LIMIT;
        private Consumer<String> requestLog;
        private final List<RequestRule> requestRules = new ArrayList<>();
        private Mode mode = Mode.PAYNET;
        private boolean otpRequired;
        private ErrorChannel errorChannel;
        private ExpiredSessionAnswer expiredSession = ExpiredSessionAnswer.DECLARED;
        private Duration sessionLifetime = PaynetSettings.DEFAULT_SESSION_LIFETIME;
        private int maxSessions = PaynetSettings.DEFAULT_MAX_SESSIONS;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The OpenAPI file to serve (YAML or JSON). Default: the save_card spec bundled in api-spec.
         *
         * @param file the spec file, not null; external {@code $ref}s are resolved relative to its directory
         * @return this builder
         */
        public Builder spec(Path file) {
            this.spec = Objects.requireNonNull(file, "spec file == null; leave spec(...) out for the bundled spec");
            return this;
        }

        /**
         * {@link Mode#PAYNET} (the default): sessions and their rules; {@link Mode#PRISM}: exactly {@code prism mock}.
         * The Paynet settings below apply to Paynet mode only.
         *
         * @param mode the mode, not null
         * @return this builder
         */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode == null; PAYNET or PRISM");
            return this;
        }

        /**
         * Paynet mode: the merchant has OTP on, so save_card needs {@code user_gsm} unless Auth had
         * {@code user_gsm_no}. Default off.
         *
         * @param required whether the merchant has OTP on
         * @return this builder
         */
        public Builder otpRequired(boolean required) {
            this.otpRequired = required;
            return this;
        }

        /**
         * Paynet mode: how rejections are sent. Default: the channel the spec's {@code x-paynet-error-channel} names.
         *
         * @param channel the channel, not null
         * @return this builder
         */
        public Builder errorChannel(ErrorChannel channel) {
            this.errorChannel = Objects.requireNonNull(channel, "errorChannel == null; leave it out for the spec's");
            return this;
        }

        /**
         * Paynet mode: which of the spec's answers an expired session gets. Default {@link ExpiredSessionAnswer#DECLARED}.
         *
         * @param answer the answer, not null
         * @return this builder
         */
        public Builder expiredSessionAnswer(ExpiredSessionAnswer answer) {
            this.expiredSession = Objects.requireNonNull(answer, "expiredSessionAnswer == null");
            return this;
        }

        /**
         * Paynet mode: how long a session lives after Auth. Default 30 minutes (Paynet documents none).
         *
         * @param lifetime how long a session lives, not null and positive (checked by {@link #build()})
         * @return this builder
         */
        public Builder sessionLifetime(Duration lifetime) {
            this.sessionLifetime = Objects.requireNonNull(lifetime, "sessionLifetime == null");
            return this;
        }

        /**
         * Paynet mode: how many sessions are kept, the oldest dropped first. Default
         * {@value PaynetSettings#DEFAULT_MAX_SESSIONS}.
         *
         * @param max the most sessions kept, at least 1 (checked by {@link #build()})
         * @return this builder
         */
        public Builder maxSessions(int max) {
            this.maxSessions = max;
            return this;
        }

        /**
         * Paynet mode: the time source of session expiry. Default the system clock; tests move it forward with
         * {@link PaynetMode#advanceClock}.
         *
         * @param clock the time source, not null
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /**
         * The address to listen on. Default {@value PaynetMockServer#DEFAULT_HOST}; {@code 0.0.0.0} for all.
         *
         * @param host an address or host name to bind, not blank
         * @return this builder
         */
        public Builder host(String host) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host is blank: use 127.0.0.1 (the default) for this machine only,"
                        + " or 0.0.0.0 for all interfaces");
            }
            this.host = host;
            return this;
        }

        /**
         * The port to listen on. Default 0: a free port, see {@link PaynetMockServer#port()}.
         *
         * @param port 0 to 65535; 0 picks a free port
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(
                        "port must be between 0 and 65535 (0 picks a free port), but was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Answer CORS preflights and add CORS headers, like Prism. Default on.
         *
         * @param enabled whether CORS is answered
         * @return this builder
         */
        public Builder cors(boolean enabled) {
            this.cors = enabled;
            return this;
        }

        /**
         * Bodies larger than this get 413. Default {@value PaynetMockServer#DEFAULT_MAX_REQUEST_BODY_BYTES}.
         *
         * @param bytes the largest body accepted, at least 1
         * @return this builder
         */
        public Builder maxRequestBodyBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxRequestBodyBytes must be at least 1, but was " + bytes);
            }
            this.maxRequestBodyBytes = bytes;
            return this;
        }

        /**
         * How many received requests to keep for {@link PaynetMockServer#receivedRequests()}; older ones are
         * dropped, also while the kept bodies add up to more than 64 MiB (the newest request is always kept).
         * 0 keeps none. Default {@value PaynetMockServer#DEFAULT_RECORDED_REQUEST_LIMIT}.
         *
         * @param limit how many requests to keep, 0 or more
         * @return this builder
         */
        public Builder recordedRequestLimit(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException(
                        "recordedRequestLimit must be 0 (keep none) or more, but was " + limit);
            }
            this.recordedRequestLimit = limit;
            return this;
        }

        /**
         * Receives one line per request ({@code POST /v1/paynetj/save_card -> 200}): method, path and status
         * only, never headers, query or body. Default: no request log.
         *
         * @param log where the lines go, e.g. {@code System.out::println}; not null (leave this out for no log)
         * @return this builder
         */
        public Builder requestLog(Consumer<String> log) {
            this.requestLog = Objects.requireNonNull(log, "requestLog == null; leave it out for no request log");
            return this;
        }

        /**
         * Adds a rule that sees every valid request before the spec's answer is chosen, and may decide it: answer
         * outright, or pick a status and a named example of the spec (e.g. {@code usedSession} for a session that
         * was already used). Rules run in the order added; none by default, which is Prism's behaviour.
         *
         * <pre>{@code
         * PaynetMockServer.builder()
         *     .requestRule(call -> call.body()
         *         .filter(body -> used.contains(body.path("session_id").asText()))
         *         .map(body -> RuleOutcome.select(200, "usedSession")))
         *     .build();
         * }</pre>
         *
         * @param rule the rule, not null
         * @return this builder
         */
        public Builder requestRule(RequestRule rule) {
            requestRules.add(Objects.requireNonNull(rule, "rule == null"));
            return this;
        }

        /**
         * Loads the spec and prepares the server (not yet listening; call {@link PaynetMockServer#start()}).
         *
         * @return the server, not yet listening
         * @throws IllegalArgumentException when a setting is out of range (the message names the setting), or in
         *                                  Paynet mode when the spec lacks an answer Paynet mode needs
         * @throws InvalidSpecException     when the spec file is missing or invalid (the message names the file
         *                                  and every problem)
         */
        public PaynetMockServer build() {
            PaynetSettings settings = new PaynetSettings(otpRequired, Optional.ofNullable(errorChannel),
                    sessionLifetime, maxSessions, expiredSession, clock);
            OpenApiDocument document = spec == null ? ApiSpec.bundled() : ApiSpec.load(spec);
            // Read once: the engine, Paynet mode and the server's own listing all read this index.
            SpecIndex index = SpecIndex.of(document);
            PaynetMode paynet = mode == Mode.PAYNET ? PaynetMode.create(index, settings) : null;
            return new PaynetMockServer(this, index, paynet);
        }
    }
}
