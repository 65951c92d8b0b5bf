package io.github.paynetsavecard.mock.junit;

import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.mock.ReceivedRequest;
import io.github.paynetsavecard.mock.paynet.ErrorChannel;
import io.github.paynetsavecard.mock.paynet.ExpiredSessionAnswer;
import io.github.paynetsavecard.mock.paynet.PaynetMode;
import io.github.paynetsavecard.mock.paynet.PaynetSettings;
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
 * @PaynetMockTest                                     // zero configuration
 * class CheckoutTest { ... }
 *
 * class CheckoutTest {                               // full control
 *     @RegisterExtension
 *     static PaynetMockExtension mock = PaynetMockExtension.builder()
 *             .spec(Path.of("api-spec/openapi.yaml"))
 *             .apiKey("sck_my_test_key")
 *             .build();
 *
 *     @Test
 *     void savesTheCard(PaynetClient client) {
 *         String session = mock.paynet().createSession();     // as if Auth had been called
 *         client.saveCard(...);
 *         assertThat(mock.receivedRequests()).singleElement()
 *                 .satisfies(sent -> assertThat(sent.path()).isEqualTo("/v1/paynetj/save_card"));
 *     }
 * }
 * }</pre>
 *
 * <p>The mock runs in Paynet mode unless told otherwise ({@link Builder#mode}, {@link PaynetMockTest#mode()}):
 * sessions come from Auth or {@link #paynet()}{@code .createSession()}, and save_card answers 13 for any other.
 *
 * <p>In a {@code static} field (or with the annotation) one server runs for the whole class; in an instance field
 * each test gets its own. Before each test the received requests, the stubs added through
 * {@link PaynetMockServer#wireMock()} and Paynet mode's sessions, clock and switches are reset. Test and lifecycle methods may declare parameters of type
 * {@link PaynetMockServer} and {@code io.github.paynetsavecard.client.PaynetClient}; the client (an optional
 * dependency, {@code paynet-save-card-client}) calls the mock with {@link #DEFAULT_API_KEY} unless told otherwise.
 */
public final class PaynetMockExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    /** The key the injected client sends. The mock checks only that a key is present, as Prism does. */
    public static final String DEFAULT_API_KEY = "sck_paynet_mock_test_key";

    private static final String CLIENT_CLASS = "io.github.paynetsavecard.client.PaynetClient";

    private final Path spec;
    private final boolean cors;
    private final String apiKey;
    private final Consumer<PaynetMockServer.Builder> settings;

    private PaynetMockServer server;
    private AutoCloseable client;
    private String startedBy;
    private boolean perTest;

    /** The extension with every default; used by {@link PaynetMockTest}. */
    public PaynetMockExtension() {
        this(null, true, DEFAULT_API_KEY, null);
    }

    /** {@code settings} null: read them from the test class's {@link PaynetMockTest} annotation. */
    private PaynetMockExtension(Path spec, boolean cors, String apiKey, Consumer<PaynetMockServer.Builder> settings) {
        this.spec = spec;
        this.cors = cors;
        this.apiKey = apiKey;
        this.settings = settings;
    }

    /** A builder for the {@code @RegisterExtension} form. */
    public static Builder builder() {
        return new Builder();
    }

    /** The running server (between the class's or test's start and stop). */
    public synchronized PaynetMockServer server() {
        if (server == null) {
            throw new IllegalStateException("The Paynet mock is not running: it starts before the first test"
                    + " (static field or @PaynetMockTest) or before each test (instance field)");
        }
        return server;
    }

    /** The mock's base URL, e.g. {@code http://127.0.0.1:53211}. */
    public String baseUrl() {
        return server().baseUrl();
    }

    /**
     * Paynet mode's state: create or expire sessions, switch OTP or the error channel, move the clock, read a
     * session and its stored card, reset.
     *
     * @throws IllegalStateException when the mock runs in Prism mode
     */
    public PaynetMode paynet() {
        return server().paynet();
    }

    /** The requests the mock received during the current test, oldest first. */
    public List<ReceivedRequest> receivedRequests() {
        return server().receivedRequests();
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
        if (server == null) {
            start(context);
            perTest = true;
        } else {
            server.reset();
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) throws Exception {
        if (perTest) {
            stop();
            perTest = false;
        }
    }

    private void start(ExtensionContext context) {
        PaynetMockServer.Builder builder = PaynetMockServer.builder().cors(cors);
        if (spec != null) {
            builder.spec(spec);
        }
        if (settings != null) {
            settings.accept(builder);
        } else {
            Optional<PaynetMockTest> annotation = context.getTestClass()
                    .flatMap(type -> AnnotationSupport.findAnnotation(type, PaynetMockTest.class));
            annotation.ifPresent(found -> builder.mode(found.mode()).otpRequired(found.otpRequired()));
        }
        server = builder.build().start();
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
            closingServer.close();
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

    /** Configures a {@link PaynetMockExtension}; every setting has a default. */
    public static final class Builder {
        private Path spec;
        private boolean cors = true;
        private String apiKey = DEFAULT_API_KEY;
        private PaynetMockServer.Mode mode = PaynetMockServer.Mode.PAYNET;
        private boolean otpRequired;
        private ErrorChannel errorChannel;
        private Duration sessionLifetime = PaynetSettings.DEFAULT_SESSION_LIFETIME;
        private int maxSessions = PaynetSettings.DEFAULT_MAX_SESSIONS;
        private Clock clock;

        private Builder() {
        }

        /** {@code PAYNET} (default): sessions and Paynet's rules; {@code PRISM}: exactly like {@code prism mock}. */
        public Builder mode(PaynetMockServer.Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode == null; PAYNET or PRISM");
            return this;
        }

        /** Paynet mode: the merchant has OTP on (switch it per test with {@code paynet().otpRequired(...)}). */
        public Builder otpRequired(boolean required) {
            this.otpRequired = required;
            return this;
        }

        /** Paynet mode: how rejections are sent. Default: the channel the spec names as Paynet's rule. */
        public Builder errorChannel(ErrorChannel channel) {
            this.errorChannel = Objects.requireNonNull(channel, "errorChannel == null; leave it out for the spec's");
            return this;
        }

        /** Paynet mode: how long a session lives after Auth. Default 30 minutes. */
        public Builder sessionLifetime(Duration lifetime) {
            this.sessionLifetime = Objects.requireNonNull(lifetime, "sessionLifetime == null");
            return this;
        }

        /** Paynet mode: how many sessions are kept, the oldest dropped first. Default 10 000. */
        public Builder maxSessions(int max) {
            this.maxSessions = max;
            return this;
        }

        /** Paynet mode: the time source (e.g. {@code Clock.fixed(...)}); move it with {@code paynet().advanceClock}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /** The OpenAPI file to serve. Default: the bundled save_card spec. */
        public Builder spec(Path file) {
            this.spec = Objects.requireNonNull(file, "spec file == null; leave spec(...) out for the bundled spec");
            return this;
        }

        /** CORS answers and headers, like Prism's {@code --cors}. Default on. */
        public Builder cors(boolean enabled) {
            this.cors = enabled;
            return this;
        }

        /** The key the injected {@code PaynetClient} sends. Default {@value PaynetMockExtension#DEFAULT_API_KEY}. */
        public Builder apiKey(String key) {
            Objects.requireNonNull(key, "apiKey == null; leave apiKey(...) out for the default test key");
            if (key.isBlank()) {
                throw new IllegalArgumentException("apiKey is blank: give any non-blank key, e.g. \"sck_test\"");
            }
            this.apiKey = key;
            return this;
        }

        /**
         * The extension; the spec is loaded when the first test class starts.
         *
         * @throws IllegalArgumentException when a Paynet setting is out of range (the message names it)
         */
        public PaynetMockExtension build() {
            new PaynetSettings(otpRequired, Optional.ofNullable(errorChannel), sessionLifetime, maxSessions,
                    ExpiredSessionAnswer.DECLARED, clock == null ? Clock.systemUTC() : clock);
            PaynetMockServer.Mode chosenMode = mode;
            boolean otp = otpRequired;
            ErrorChannel channel = errorChannel;
            Duration lifetime = sessionLifetime;
            int max = maxSessions;
            Clock time = clock;
            return new PaynetMockExtension(spec, cors, apiKey, server -> {
                server.mode(chosenMode).otpRequired(otp).sessionLifetime(lifetime).maxSessions(max);
                if (channel != null) {
                    server.errorChannel(channel);
                }
                if (time != null) {
                    server.clock(time);
                }
            });
        }
    }
}
