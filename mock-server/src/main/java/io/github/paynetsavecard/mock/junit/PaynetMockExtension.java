package io.github.paynetsavecard.mock.junit;

import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.mock.ReceivedRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

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
 *         client.saveCard(...);
 *         assertThat(mock.receivedRequests()).singleElement()
 *                 .satisfies(sent -> assertThat(sent.path()).isEqualTo("/v1/paynetj/save_card"));
 *     }
 * }
 * }</pre>
 *
 * <p>In a {@code static} field (or with the annotation) one server runs for the whole class; in an instance field
 * each test gets its own. Before each test the received requests and the stubs added through
 * {@link PaynetMockServer#wireMock()} are reset. Test and lifecycle methods may declare parameters of type
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

    private PaynetMockServer server;
    private AutoCloseable client;
    private String startedBy;
    private boolean perTest;

    /** The extension with every default; used by {@link PaynetMockTest}. */
    public PaynetMockExtension() {
        this(null, true, DEFAULT_API_KEY);
    }

    private PaynetMockExtension(Path spec, boolean cors, String apiKey) {
        this.spec = spec;
        this.cors = cors;
        this.apiKey = apiKey;
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

    /** The requests the mock received during the current test, oldest first. */
    public List<ReceivedRequest> receivedRequests() {
        return server().receivedRequests();
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (server == null) {
            start();
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
            start();
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

    private void start() {
        PaynetMockServer.Builder builder = PaynetMockServer.builder().cors(cors);
        if (spec != null) {
            builder.spec(spec);
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

        private Builder() {
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
            return new PaynetMockExtension(spec, cors, apiKey);
        }
    }
}
