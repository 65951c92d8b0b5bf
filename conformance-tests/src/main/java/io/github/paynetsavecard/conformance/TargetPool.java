package io.github.paynetsavecard.conformance;

import io.github.paynetsavecard.client.PaynetEnvironment;
import io.github.paynetsavecard.conformance.contract.OperationContract;
import io.github.paynetsavecard.conformance.prism.PrismProcess;
import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.spec.ApiSpec;
import io.github.paynetsavecard.spec.OpenApiDocument;
import io.github.paynetsavecard.spec.index.SpecIndex;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * The targets of one run, started on first use and stopped when the run ends (JUnit closes the root store's
 * {@link AutoCloseable}s). A target that cannot run is remembered with its reason, so every check reports the same
 * reason without trying again.
 */
final class TargetPool implements AutoCloseable {
    static final String MOCK = "mock";
    static final String PRISM = "prism";
    static final String PAYNET_TEST = "paynet-test";
    static final String URL = "url";
    /** The key sent to the mocks: they check presence only, so any non-blank value does. */
    static final String MOCK_KEY = "conformance-test-key";

    private final SuiteSettings settings;
    private final Consumer<String> console;
    private final OpenApiDocument spec;
    private SpecIndex index;
    private final Map<String, Availability> targets = new ConcurrentHashMap<>();
    private final List<AutoCloseable> running = new ArrayList<>();

    TargetPool(SuiteSettings settings) {
        this(settings, System.err::println);
    }

    /** A pool that tells {@code console} once about each target that will not run. */
    TargetPool(SuiteSettings settings, Consumer<String> console) {
        this.settings = settings;
        this.console = console;
        this.spec = ApiSpec.load(settings.spec());
    }

    /** The pool of this run, created on first use. */
    static TargetPool of(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(TargetPool.class))
                .getOrComputeIfAbsent(TargetPool.class, key -> new TargetPool(SuiteSettings.from(context)),
                        TargetPool.class);
    }

    SuiteSettings settings() {
        return settings;
    }

    OpenApiDocument spec() {
        return spec;
    }

    OperationContract contract(String operationId) {
        return OperationContract.of(index(), operationId);
    }

    // Read once per run: every check of every target reads the same spec.
    private synchronized SpecIndex index() {
        if (index == null) {
            index = SpecIndex.of(spec);
        }
        return index;
    }

    /** The target, started if needed; skips the calling check (or fails it, in CI) when it cannot run. */
    Target acquire(String name) {
        Availability availability = targets.computeIfAbsent(name, this::announced);
        if (availability.target().isPresent()) {
            return availability.target().get();
        }
        if (availability.mustRun()) {
            throw new AssertionError(name + " must run here but cannot: " + availability.reason());
        }
        throw new TestAbortedException(availability.reason());
    }

    /** A mock of its own for a check that adds WireMock stubs, so that no other check sees them. */
    synchronized PaynetMockServer privateMock() {
        PaynetMockServer mock = PaynetMockServer.builder().mode(PaynetMockServer.Mode.PRISM).spec(settings.spec()).port(0).build();
        mock.start();
        running.add(mock::close);
        return mock;
    }

    /** Opens the target and says once, on the console, when it will not run and why. */
    private Availability announced(String name) {
        Availability availability = open(name);
        if (availability.target().isEmpty()) {
            console.accept("[conformance] target " + name + (availability.mustRun() ? " FAILS: " : " skipped: ")
                    + availability.reason());
        }
        return availability;
    }

    private Availability open(String name) {
        try {
            return switch (name) {
                case MOCK -> mock();
                case PRISM -> prism();
                case PAYNET_TEST -> paynetTest();
                case URL -> url();
                default -> Availability.failed("unknown target `" + name + "`; use mock, prism, paynet-test or url");
            };
        } catch (RuntimeException e) {
            return Availability.failed(name + " did not start: " + e.getMessage());
        }
    }

    private synchronized Availability mock() {
        PaynetMockServer mock = PaynetMockServer.builder().mode(PaynetMockServer.Mode.PRISM).spec(settings.spec()).port(0).build();
        mock.start();
        running.add(mock::close);
        return Availability.of(new Target(MOCK, URI.create(String.valueOf(mock.baseUrl())), MOCK_KEY,
                TargetKind.PRISM_COMPATIBLE));
    }

    private synchronized Availability prism() {
        Optional<String> missing = PrismProcess.missingTools(settings.environment().get("PATH"));
        if (missing.isPresent()) {
            String reason = "Prism cannot run: " + missing.get();
            return settings.inCi() ? Availability.failed(reason + " (CI=true: Prism must run in CI)")
                    : Availability.skipped(reason);
        }
        PrismProcess prism = PrismProcess.start(settings.prismDir(), settings.spec(), settings.workDir());
        running.add(prism);
        return Availability.of(new Target(PRISM, prism.baseUrl(), MOCK_KEY, TargetKind.PRISM_COMPATIBLE));
    }

    private Availability paynetTest() {
        return settings.env(SuiteSettings.PAYNET_TEST_KEY)
                .map(key -> Availability.of(new Target(PAYNET_TEST, URI.create(PaynetEnvironment.TEST.baseUrl()), key,
                        TargetKind.PAYNET)))
                .orElseGet(() -> Availability.skipped("no credentials: set " + SuiteSettings.PAYNET_TEST_KEY
                        + " to a key of Paynet's test system (" + PaynetEnvironment.TEST.baseUrl() + ")"));
    }

    private Availability url() {
        if (settings.url().isEmpty()) {
            return Availability.skipped("no URL given: set -D" + SuiteSettings.URL + "=... or "
                    + SuiteSettings.CONFORMANCE_URL);
        }
        Optional<String> key = settings.env(SuiteSettings.CONFORMANCE_KEY);
        if (key.isEmpty()) {
            return Availability.failed("a URL was given but no key: set " + SuiteSettings.CONFORMANCE_KEY);
        }
        String kind = settings.urlKind().orElse("paynet").strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("paynet") && !kind.equals("prism")) {
            return Availability.failed(SuiteSettings.URL_KIND + " must be paynet or prism, not `" + kind + "`");
        }
        return Availability.of(new Target(URL, URI.create(settings.url().get()), key.get(),
                kind.equals("prism") ? TargetKind.PRISM_COMPATIBLE : TargetKind.PAYNET));
    }

    @Override
    public synchronized void close() throws Exception {
        for (AutoCloseable target : running) {
            target.close();
        }
        running.clear();
    }

    /** A started target, or why there is none and whether that is a failure. */
    private record Availability(Optional<Target> target, String reason, boolean mustRun) {
        static Availability of(Target target) {
            return new Availability(Optional.of(target), "", false);
        }

        static Availability skipped(String reason) {
            return new Availability(Optional.empty(), reason, false);
        }

        static Availability failed(String reason) {
            return new Availability(Optional.empty(), reason, true);
        }
    }
}
