package io.github.paynetsavecard.mock.junit;

import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.mock.ReceivedRequest;
import io.github.paynetsavecard.mock.paynet.PaynetMode;
import java.nio.file.Path;
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
        private Consumer<PaynetMockServer.Builder> server = settings -> { };

        private Builder() {
        }

        /** {@code PAYNET} (default): sessions and Paynet's rules; {@code PRISM}: exactly like {@code prism mock}. */
        public Builder mode(PaynetMockServer.Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode == null; PAYNET or PRISM");
            return this;
        }

        /**
         * Any further setting of the server, e.g. Paynet mode's (see {@link PaynetMockServer.Builder}):
         * <pre>{@code
         * PaynetMockExtension.builder()
         *     .server(settings -> settings.otpRequired(true).clock(Clock.fixed(start, ZoneOffset.UTC)))
         *     .build();
         * }</pre>
         * Applied after the spec, CORS and mode; a bad value fails when the server starts, with its builder's
         * message naming the setting.
         */
        public Builder server(Consumer<PaynetMockServer.Builder> settings) {
            this.server = Objects.requireNonNull(settings, "server settings == null");
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

        /** The extension; the spec is loaded when the first test class starts. */
        public PaynetMockExtension build() {
            PaynetMockServer.Mode chosenMode = mode;
            Consumer<PaynetMockServer.Builder> more = server;
            return new PaynetMockExtension(spec, cors, apiKey, settings -> more.accept(settings.mode(chosenMode)));
        }
    }
}
