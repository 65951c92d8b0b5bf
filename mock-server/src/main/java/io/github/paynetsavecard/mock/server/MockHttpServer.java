package io.github.paynetsavecard.mock.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.paynetsavecard.mock.engine.MockEngine;
import io.github.paynetsavecard.mock.engine.MockRequest;
import io.github.paynetsavecard.mock.engine.MockResponse;
import io.github.paynetsavecard.spec.OpenApiDocument;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * WireMock and Jetty, set up to answer every request from the engine: a catch-all stub whose answer is the engine's
 * ({@link SpecAnswer}), the same answer ahead of WireMock while it has nothing to add ({@link SpecShortcut}), the
 * contract's pages ({@link ContractEndpoints}), faults on request ({@value MockFault#HEADER}), bounded requests
 * ({@link RequestGuard}) and threads sized for the machine ({@link GuardedJettyServerFactory}).
 *
 * <p>The room of the mock that knows WireMock and Jetty; the engine knows neither. Public only because
 * {@code io.github.paynetsavecard.mock.PaynetMockServer}, the API users build, lives in the package above and
 * assembles the mock from this, the engine and Paynet mode. Not meant to be used on its own.
 */
public final class MockHttpServer {
    /** The request header that asks for a fault; see {@link MockFault}. */
    public static final String FAULT_HEADER = MockFault.HEADER;

    /** The mock's own paths (the contract, Paynet mode's page and state) start with this; Paynet's never do. */
    public static final String MOCK_ONLY_PREFIX = "/__paynet/";

    /**
     * Whether {@code path} is one of the mock's own: under {@value #MOCK_ONLY_PREFIX}, or the prefix without its slash
     * (Paynet mode lists its endpoints there).
     *
     * @param path a request path without the query
     * @return true for a mock-only path
     */
    public static boolean isMockOnly(String path) {
        return path.startsWith(MOCK_ONLY_PREFIX) || path.equals("/__paynet");
    }

    /** The id of the catch-all stub whose answers come from the spec (the same in every server: stubs are per server). */
    static final UUID SPEC_STUB_ID = UUID.fromString("5bec0a25-5a7e-4c0d-9a11-0f5a9e7c0de5");
    private static final String SPEC_STUB_NAME = "answer from the spec";
    /** Below every stub a user adds (WireMock's default priority is 5; a lower number wins). */
    private static final int SPEC_ANSWER_PRIORITY = Integer.MAX_VALUE;

    private final ListenedWireMockServer wireMock;
    private final SpecShortcut shortcut;

    /**
     * A server, not listening yet: {@link #wireMock()}{@code .start()} starts it.
     *
     * @param host                  the address to listen on, e.g. {@code 127.0.0.1}
     * @param port                  the port, 0 for a free one
     * @param maxRequestBodyBytes   the largest request body answered; larger ones get 413
     * @param maxRequestHeaderBytes the largest request line and headers answered; larger ones get 431
     * @param spec                  the served document, for the contract's pages
     * @param modeName              the mode the contract's health page names, e.g. {@code paynet}
     * @param engine                answers every request the pages do not
     * @param mockOnly              answers the mock's own paths after the contract's pages (Paynet mode's), empty
     *                              for the rest
     * @param journal               told of every answered request
     */
    public MockHttpServer(String host, int port, int maxRequestBodyBytes, int maxRequestHeaderBytes,
                          OpenApiDocument spec, String modeName, MockEngine engine,
                          Function<MockRequest, Optional<MockResponse>> mockOnly, RequestJournal journal) {
        SpecAnswer answers = answers(spec, modeName, Objects.requireNonNull(engine, "engine == null"),
                Objects.requireNonNull(mockOnly, "mockOnly == null"));
        RequestLimits limits = new RequestLimits(maxRequestBodyBytes, maxRequestHeaderBytes);
        this.shortcut = new SpecShortcut(answers, Objects.requireNonNull(journal, "journal == null"));
        WireMockConfiguration options = options(host, port, limits, shortcut, answers);
        if (journal.isObserving()) {
            // Only when asked for: the listener runs on every request WireMock answers.
            options.extensions(new JournalListener(journal));
        }
        ListenedWireMockServer server = new ListenedWireMockServer(options, shortcut);
        this.wireMock = server;
        wireMock.stubFor(any(anyUrl())
                .withId(SPEC_STUB_ID)
                .atPriority(SPEC_ANSWER_PRIORITY)
                .withName(SPEC_STUB_NAME)
                .willReturn(aResponse().withTransformers(SpecAnswer.NAME)));
        shortcut.openWhile(() -> !server.hasRequestListeners() && onlySpecAnswers());
    }

    /**
     * The answers to requests without a stub: the contract's pages in both modes, then {@code mockOnly}'s, then the
     * engine's. The server and the request-handling fuzz test wire them here alike.
     */
    static SpecAnswer answers(OpenApiDocument spec, String modeName, MockEngine engine,
                              Function<MockRequest, Optional<MockResponse>> mockOnly) {
        ContractEndpoints contract = new ContractEndpoints(spec, modeName);
        return new SpecAnswer(engine, request -> contract.answer(request).or(() -> mockOnly.apply(request)));
    }

    private static WireMockConfiguration options(String host, int port, RequestLimits limits, SpecShortcut shortcut,
                                                 SpecAnswer answers) {
        return WireMockConfiguration.options()
                .bindAddress(host)
                .port(port)
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
                .notifier(new QuietNotifier())
                .mappingSource(new NoStubFiles())
                .gzipDisabled(true)
                .templatingEnabled(false)
                .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)
                // A late answer (X-Paynet-Mock-Fault delay or timeout, a stub's fixed delay) waits on this timer
                // instead of keeping a request thread asleep; answers without a delay are not affected.
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(1)
                .jettyHeaderRequestSize(limits.maxHeaderBytes())
                .extensionScanningEnabled(false)
                .extensions(new GuardedJettyServerFactory(limits, shortcut), new ProxyClientOnDemand(), answers,
                        shortcut.stubChanges());
    }

    /**
     * The WireMock server: its lifecycle, and stubs that take priority over the spec's answers.
     *
     * @return the server, never null
     */
    public WireMockServer wireMock() {
        return wireMock;
    }

    /** Removes every stub but the spec's catch-all. */
    public void resetStubs() {
        for (StubMapping stub : wireMock.getStubMappings()) {
            if (!stub.getId().equals(SPEC_STUB_ID)) {
                wireMock.removeStubMapping(stub);
            }
        }
    }

    /**
     * How many requests the {@link SpecShortcut} answered ahead of WireMock, for tests.
     *
     * @return the count since the server was built
     */
    public long answeredAheadOfWireMock() {
        return shortcut.answered();
    }

    /**
     * Whether WireMock would answer every request with the spec's catch-all stub, undelayed: then the
     * {@link SpecShortcut} answers ahead of it. A stub a test adds, or a global delay, sends requests through WireMock.
     */
    private boolean onlySpecAnswers() {
        List<StubMapping> stubs = wireMock.getStubMappings();
        if (stubs.size() != 1 || !stubs.get(0).getId().equals(SPEC_STUB_ID)) {
            return false;
        }
        var settings = wireMock.getGlobalSettings().getSettings();
        return settings.getFixedDelay() == null && settings.getDelayDistribution() == null;
    }

    /**
     * WireMock's server, telling the {@link SpecShortcut} when its global settings change or a (deprecated) request
     * listener is added, which only WireMock's own path calls; stub changes reach the shortcut as WireMock events.
     */
    private static final class ListenedWireMockServer extends WireMockServer {
        private final SpecShortcut shortcut;
        private volatile boolean listened;

        ListenedWireMockServer(Options options, SpecShortcut shortcut) {
            super(options);
            this.shortcut = shortcut;
        }

        @Override
        @SuppressWarnings("deprecation")
        public void addMockServiceRequestListener(com.github.tomakehurst.wiremock.http.RequestListener listener) {
            listened = true;
            super.addMockServiceRequestListener(listener);
            shortcut.recheck();
        }

        @Override
        public void setGlobalFixedDelay(int milliseconds) {
            super.setGlobalFixedDelay(milliseconds);
            shortcut.recheck();
        }

        @Override
        public void updateGlobalSettings(com.github.tomakehurst.wiremock.global.GlobalSettings settings) {
            super.updateGlobalSettings(settings);
            shortcut.recheck();
        }

        boolean hasRequestListeners() {
            return listened;
        }
    }
}
