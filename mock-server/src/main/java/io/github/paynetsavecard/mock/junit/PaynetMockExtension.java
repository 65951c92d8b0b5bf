package io.github.paynetsavecard.mock.junit;

import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.mock.ReceivedRequest;
import io.github.paynetsavecard.mock.engine.RequestRule;
import io.github.paynetsavecard.mock.paynet.ErrorChannel;
import io.github.paynetsavecard.mock.paynet.ExpiredSessionAnswer;
import io.github.paynetsavecard.mock.paynet.PaynetMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs the Paynet mock in-process for JUnit 5 tests. Two ways to use it:
 *
 * <pre>{@code
 * @PaynetMockTest                                     // zero configuration (attributes for the common settings)
 * class CheckoutTest { ... }
 *
 * class CheckoutTest {                               // full control
 *     @RegisterExtension
 *     static PaynetMockExtension mock = PaynetMockExtension.builder()
 *             .spec(Path.of("api-spec/openapi.yaml"))
 *             .otpRequired(true)
 *             .apiKey("sck_my_test_key")
 *             .build();
 *
 *     @Test
 *     void savesTheCard(PaynetClient client) {
 *         String session = mock.paynet().createSession();     // as if Auth had been called
 *         client.saveCard(...);
 *         assertThat(mock).receivedExactly(1, saveCard().withSessionId(session));   // PaynetMockAssertions
 *     }
 * }
 * }</pre>
 *
 * <p>The mock runs in Paynet mode unless told otherwise ({@link Builder#mode}, {@link PaynetMockTest#mode()}):
 * sessions come from Auth or {@link #paynet()}{@code .createSession()}, and save_card answers 13 for any other.
 *
 * <p><b>Strict by default</b>, like WireMock's {@code failOnUnmatchedRequests}: after each test, a request that the
 * mock refused for breaking the spec (an invalid body or parameter, a missing key, a wrong content type, an unknown
 * path or method, a body that is not JSON) fails the test, with the violations in the message. A business
 * rejection of a valid request (Paynet mode's 13, 17, ...) and an answer forced with {@code Prefer} never do. A test
 * that sends invalid requests on purpose says so with {@link ExpectsInvalidRequests} or
 * {@link #expectInvalidRequests()}; {@link Builder#strict(boolean) strict(false)} turns the check off.
 *
 * <p>In a {@code static} field (or with the annotation) one server runs for the whole class; in an instance field
 * each test gets its own. Before each test the received requests, the stubs added through
 * {@link PaynetMockServer#wireMock()} and Paynet mode's sessions, clock and switches are reset. Test and lifecycle
 * methods may declare parameters of type {@link PaynetMockServer} and
 * {@code io.github.paynetsavecard.client.PaynetClient}; the client calls the mock with {@link #DEFAULT_API_KEY}
 * unless told otherwise.
 */
public final class PaynetMockExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    /** The key the injected client sends. The mock checks only that a key is present, as Prism does. */
    public static final String DEFAULT_API_KEY = "sck_paynet_mock_test_key";

    private static final String CLIENT_CLASS = "io.github.paynetsavecard.client.PaynetClient";
    /** How many refused requests the strict check's message shows in full. */
    private static final int SHOWN_INVALID = 5;

    /** Null for {@link PaynetMockTest}: the settings are read from the annotation when the class starts. */
    private final PaynetMockServer.Builder settings;
    private final String apiKey;
    private final boolean strictSetting;

    private PaynetMockServer server;
    private AutoCloseable client;
    private String startedBy;
    private boolean perTest;
    private boolean strict;
    private volatile boolean invalidRequestsExpected;

    /** The extension with every default, or with the attributes of the test class's {@link PaynetMockTest}. */
    public PaynetMockExtension() {
        this(null, DEFAULT_API_KEY, true);
    }

    private PaynetMockExtension(PaynetMockServer.Builder settings, String apiKey, boolean strict) {
        this.settings = settings;
        this.apiKey = apiKey;
        this.strictSetting = strict;
    }

    /**
     * A builder for the {@code @RegisterExtension} form.
     *
     * @return a builder with every default: Paynet mode, the bundled spec, a free port, strict on
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The running server (between the class's or test's start and stop).
     *
     * @return the server, for what this extension does not expose itself (e.g. {@code wireMock()})
     * @throws IllegalStateException when it is not running, e.g. read from a static initializer
     */
    public synchronized PaynetMockServer server() {
        if (server == null) {
            throw new IllegalStateException("The Paynet mock is not running: it starts before the first test"
                    + " (static field or @PaynetMockTest) or before each test (instance field)");
        }
        return server;
    }

    /**
     * The mock's base URL, e.g. {@code http://127.0.0.1:53211}.
     *
     * @return the URL with the real port, without a trailing slash
     * @throws IllegalStateException when the mock is not running
     */
    public String baseUrl() {
        return server().baseUrl();
    }

    /**
     * Paynet mode's state: create or expire sessions, switch OTP or the error channel, move the clock, read a
     * session and its stored card, reset.
     *
     * @return the running server's Paynet mode
     * @throws IllegalStateException when the mock runs in Prism mode or is not running
     */
    public PaynetMode paynet() {
        return server().paynet();
    }

    /**
     * The requests the mock received during the current test, oldest first.
     *
     * @return a snapshot, unmodifiable; empty when none came
     * @throws IllegalStateException when the mock is not running
     */
    public List<ReceivedRequest> receivedRequests() {
        return server().receivedRequests();
    }

    /**
     * The next request of the current test not taken yet, waiting up to {@code timeout}: for code that calls the
     * mock from another thread. See {@link PaynetMockServer#takeRequest(Duration)}.
     *
     * @param timeout how long to wait, e.g. {@code Duration.ofSeconds(5)}; not null, not negative
     * @return the oldest request not taken yet
     * @throws AssertionError when no request came in time
     */
    public ReceivedRequest takeRequest(Duration timeout) {
        return server().takeRequest(timeout);
    }

    /**
     * The requests of the current test that the mock refused for breaking the spec.
     *
     * @return those requests, each with its violations, oldest first; empty when every request was valid
     * @throws IllegalStateException when the mock is not running or records no requests
     */
    public List<ReceivedRequest> invalidRequests() {
        return server().invalidRequests();
    }

    /**
     * The current test sends requests that break the spec on purpose: the strict check does not fail it. The same
     * as {@link ExpectsInvalidRequests} on the test method; it holds until the test ends.
     */
    public void expectInvalidRequests() {
        invalidRequestsExpected = true;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (server == null) {
            start(context);
            startedBy = context.getUniqueId();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws Exception {
        if (context.getUniqueId().equals(startedBy)) {
            stop();
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        invalidRequestsExpected = false;
        if (server == null) {
            start(context);
            perTest = true;
        } else {
            server.reset();
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) throws Exception {
        try {
            if (strict && server != null && !invalidRequestsExpected && !expectedByAnnotation(context)) {
                failOnInvalidRequests(server.invalidRequests());
            }
        } finally {
            invalidRequestsExpected = false;
            if (perTest) {
                stop();
                perTest = false;
            }
        }
    }

    private static boolean expectedByAnnotation(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getTestMethod(), ExpectsInvalidRequests.class)
                || AnnotationSupport.isAnnotated(context.getTestClass(), ExpectsInvalidRequests.class);
    }

    private static void failOnInvalidRequests(List<ReceivedRequest> invalid) {
        if (invalid.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("The Paynet mock refused ").append(invalid.size())
                .append(invalid.size() == 1 ? " request" : " requests").append(" of this test for breaking the spec:");
        for (ReceivedRequest request : invalid.subList(0, Math.min(SHOWN_INVALID, invalid.size()))) {
            String firstLine = request.toString().lines().findFirst().orElse("");
            message.append("\n  ").append(firstLine);
            request.violations().forEach(violation -> message.append("\n    ").append(violation));
        }
        if (invalid.size() > SHOWN_INVALID) {
            message.append("\n  ... and ").append(invalid.size() - SHOWN_INVALID).append(" more");
        }
        message.append("\nFix the request, or, if the test sends it on purpose, annotate the test with"
                + " @ExpectsInvalidRequests (or call expectInvalidRequests() on the extension). strict(false) on the"
                + " builder, or @PaynetMockTest(strict = false), turns this check off.");
        throw new AssertionError(message.toString());
    }

    private void start(ExtensionContext context) {
        PaynetMockServer.Builder builder = settings;
        strict = strictSetting;
        if (builder == null) {
            builder = PaynetMockServer.builder();
            Optional<PaynetMockTest> annotation = context.getTestClass()
                    .flatMap(type -> AnnotationSupport.findAnnotation(type, PaynetMockTest.class));
            if (annotation.isPresent()) {
                strict = annotation.get().strict();
                applyAnnotation(annotation.get(), builder);
            }
        }
        server = builder.build().start();
        if (strict) {
            try {
                server.invalidRequests();
            } catch (IllegalStateException notRecording) {
                server.close();
                server = null;
                throw new IllegalStateException("The strict check (on by default) reads the recorded requests: "
                        + notRecording.getMessage() + ", or turn the check off with strict(false)", notRecording);
            }
        }
    }

    private static void applyAnnotation(PaynetMockTest annotation, PaynetMockServer.Builder builder) {
        builder.mode(annotation.mode()).otpRequired(annotation.otpRequired()).port(annotation.port())
                .cors(annotation.cors());
        ErrorChannel[] channel = annotation.errorChannel();
        if (channel.length > 1) {
            throw new IllegalArgumentException("@PaynetMockTest(errorChannel = ...) takes one channel (HTTP_200 or"
                    + " ERROR_OBJECT), or none for the spec's, but was given " + channel.length);
        }
        if (channel.length == 1) {
            builder.errorChannel(channel[0]);
        }
    }

    private void stop() throws Exception {
        AutoCloseable closingClient = client;
        PaynetMockServer closingServer = server;
        client = null;
        server = null;
        startedBy = null;
        try {
            if (closingClient != null) {
                closingClient.close();
            }
        } finally {
            if (closingServer != null) {
                closingServer.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PaynetMockServer.class || type.getName().equals(CLIENT_CLASS);
    }

    @Override
    public synchronized Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == PaynetMockServer.class) {
            return server();
        }
        if (client == null) {
            try {
                // Only touched when a test asks for a client, so the client jar stays optional.
                client = MockClients.forMock(server().baseUrl(), apiKey);
            } catch (NoClassDefFoundError | RuntimeException e) {
                throw new ParameterResolutionException("Cannot create a PaynetClient for the mock at "
                        + server().baseUrl() + ": " + e, e);
            }
        }
        return client;
    }

    /**
     * Configures a {@link PaynetMockExtension}: every setting of {@link PaynetMockServer.Builder}, each checked as
     * it is given (the message names the setting), plus the injected client's key and the strict check. Every
     * setting has a default.
     */
    public static final class Builder {
        private final PaynetMockServer.Builder server = PaynetMockServer.builder();
        private String apiKey = DEFAULT_API_KEY;
        private boolean strict = true;

        private Builder() {
        }

        /**
         * The OpenAPI file to serve. Default: the bundled save_card spec.
         *
         * @param file a YAML or JSON OpenAPI 3 file, loaded when the mock starts; not null
         * @return this builder
         */
        public Builder spec(Path file) {
            server.spec(file);
            return this;
        }

        /**
         * {@code PAYNET} (default): sessions and Paynet's rules; {@code PRISM}: exactly like {@code prism mock}.
         *
         * @param mode the mode; not null
         * @return this builder
         */
        public Builder mode(PaynetMockServer.Mode mode) {
            server.mode(mode);
            return this;
        }

        /**
         * The port. Default 0, a free one: read it from {@link PaynetMockExtension#baseUrl()}.
         *
         * @param port 0 to 65535; 0 picks a free port
         * @return this builder
         * @throws IllegalArgumentException when {@code port} is out of range
         */
        public Builder port(int port) {
            server.port(port);
            return this;
        }

        /**
         * The address to listen on. Default {@value PaynetMockServer#DEFAULT_HOST}.
         *
         * @param host an address or host name, e.g. {@code 0.0.0.0} for all interfaces; not blank
         * @return this builder
         * @throws IllegalArgumentException when {@code host} is null or blank
         */
        public Builder host(String host) {
            server.host(host);
            return this;
        }

        /**
         * CORS answers and headers, like Prism's {@code --cors}. Default on.
         *
         * @param enabled false for {@code --cors=false}
         * @return this builder
         */
        public Builder cors(boolean enabled) {
            server.cors(enabled);
            return this;
        }

        /**
         * Paynet mode: the merchant has OTP on, so save_card needs {@code user_gsm} unless Auth had
         * {@code user_gsm_no}. Default off; a test switches it with {@code paynet().otpRequired(...)}.
         *
         * @param required true for a merchant with OTP on
         * @return this builder
         */
        public Builder otpRequired(boolean required) {
            server.otpRequired(required);
            return this;
        }

        /**
         * Paynet mode: how rejections are sent. Default: the channel the spec's {@code x-paynet-error-channel} names.
         *
         * @param channel the channel; not null
         * @return this builder
         */
        public Builder errorChannel(ErrorChannel channel) {
            server.errorChannel(channel);
            return this;
        }

        /**
         * Paynet mode: which of the spec's answers an expired session gets. Default
         * {@link ExpiredSessionAnswer#DECLARED}.
         *
         * @param answer the answer; not null
         * @return this builder
         */
        public Builder expiredSessionAnswer(ExpiredSessionAnswer answer) {
            server.expiredSessionAnswer(answer);
            return this;
        }

        /**
         * Paynet mode: how long a session lives after Auth. Default 30 minutes.
         *
         * @param lifetime the lifetime; not null, positive (checked when the mock starts)
         * @return this builder
         */
        public Builder sessionLifetime(Duration lifetime) {
            server.sessionLifetime(lifetime);
            return this;
        }

        /**
         * Paynet mode: how many sessions are kept, the oldest dropped first. Default 10 000.
         *
         * @param max at least 1 (checked when the mock starts)
         * @return this builder
         */
        public Builder maxSessions(int max) {
            server.maxSessions(max);
            return this;
        }

        /**
         * Paynet mode: the time source of session expiry, e.g. {@code Clock.fixed(...)}. Default the system clock;
         * a test moves it with {@code paynet().advanceClock(...)}.
         *
         * @param clock the clock; not null
         * @return this builder
         */
        public Builder clock(Clock clock) {
            server.clock(clock);
            return this;
        }

        /**
         * Adds a rule that sees every valid request before the spec's answer is chosen and may decide it; see
         * {@link PaynetMockServer.Builder#requestRule(RequestRule)}. Rules run in the order added, before Paynet
         * mode's own.
         *
         * @param rule the rule; not null, thread-safe
         * @return this builder
         */
        public Builder requestRule(RequestRule rule) {
            server.requestRule(rule);
            return this;
        }

        /**
         * Bodies larger than this get 413. Default {@value PaynetMockServer#DEFAULT_MAX_REQUEST_BODY_BYTES}.
         *
         * @param bytes the largest body accepted, in bytes; at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code bytes} is below 1
         */
        public Builder maxRequestBodyBytes(int bytes) {
            server.maxRequestBodyBytes(bytes);
            return this;
        }

        /**
         * How many received requests are kept. Default {@value PaynetMockServer#DEFAULT_RECORDED_REQUEST_LIMIT};
         * the strict check and {@code takeRequest} need at least 1.
         *
         * @param limit how many requests to keep; 0 keeps none
         * @return this builder
         * @throws IllegalArgumentException when {@code limit} is negative
         */
        public Builder recordedRequestLimit(int limit) {
            server.recordedRequestLimit(limit);
            return this;
        }

        /**
         * Receives one line per request: method, path and status only. Default: no request log.
         *
         * @param log called from the server's threads, e.g. {@code System.out::println}; not null
         * @return this builder
         */
        public Builder requestLog(Consumer<String> log) {
            server.requestLog(log);
            return this;
        }

        /**
         * Any setting of the server directly: every one has a method here too, so this is for sharing one
         * configuration with code that builds a {@link PaynetMockServer} itself:
         * <pre>{@code
         * static void checkoutSettings(PaynetMockServer.Builder settings) {   // also used by PaynetMockServer.builder()
         *     settings.otpRequired(true).clock(Clock.fixed(start, ZoneOffset.UTC));
         * }
         * PaynetMockExtension.builder().server(CheckoutMocks::checkoutSettings).build();
         * }</pre>
         * Applied now, in order with the other settings.
         *
         * @param settings called once, now, with the server's builder; not null
         * @return this builder
         */
        public Builder server(Consumer<PaynetMockServer.Builder> settings) {
            Objects.requireNonNull(settings, "server settings == null").accept(server);
            return this;
        }

        /**
         * The key the injected {@code PaynetClient} sends. Default {@value PaynetMockExtension#DEFAULT_API_KEY}.
         *
         * @param key any non-blank text (the mock checks presence only); never a real key
         * @return this builder
         * @throws IllegalArgumentException when {@code key} is blank
         */
        public Builder apiKey(String key) {
            Objects.requireNonNull(key, "apiKey == null; leave apiKey(...) out for the default test key");
            if (key.isBlank()) {
                throw new IllegalArgumentException("apiKey is blank: give any non-blank key, e.g. \"sck_test\"");
            }
            this.apiKey = key;
            return this;
        }

        /**
         * Whether a request the mock refuses for breaking the spec fails the test that sent it (checked after each
         * test, with the violations in the message). Default on; a single test opts out with
         * {@link ExpectsInvalidRequests}.
         *
         * @param enabled false to let tests pass whatever invalid requests they send
         * @return this builder
         */
        public Builder strict(boolean enabled) {
            this.strict = enabled;
            return this;
        }

        /**
         * The extension; the spec is loaded when the first test class (or test) starts.
         *
         * @return the extension, for a {@code @RegisterExtension} field (static: one mock per class)
         */
        public PaynetMockExtension build() {
            return new PaynetMockExtension(server, apiKey, strict);
        }
    }
}
