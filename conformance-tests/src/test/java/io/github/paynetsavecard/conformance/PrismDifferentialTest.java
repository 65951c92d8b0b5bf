package io.github.paynetsavecard.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.paynetsavecard.conformance.contract.OperationContract;
import io.github.paynetsavecard.conformance.differential.ExpectedDifference;
import io.github.paynetsavecard.conformance.differential.ResponseComparison;
import io.github.paynetsavecard.conformance.differential.ServedSpec;
import io.github.paynetsavecard.conformance.prism.PrismProcess;
import io.github.paynetsavecard.conformance.wire.Exchange;
import io.github.paynetsavecard.conformance.wire.RawRequest;
import io.github.paynetsavecard.conformance.wire.WireClient;
import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.spec.ApiSpec;
import io.github.paynetsavecard.spec.OpenApiDocument;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * The differential test of issue 3: the same requests to our mock and to Prism 5.14.2 started from the same spec,
 * compared by {@link ResponseComparison}. A difference fails with both answers side by side. It runs on Paynet's
 * spec and on a spec of our own, the pet store (in one file and split across two), so that the mock is held to
 * Prism on any spec; the deliberate differences of docs/mock-behaviour.md are cases whose difference is asserted.
 */
@ExtendWith(ConformanceReporting.class)
@DisplayName("differential: our mock against Prism")
class PrismDifferentialTest {
    /**
     * The deliberate differences of docs/mock-behaviour.md ("Deliberate differences from Prism"), by case name: a
     * case listed here must differ from Prism exactly as stated, and fails when the difference disappears or
     * changes (then the table and this map are out of date).
     */
    static final Map<String, ExpectedDifference> DOCUMENTED_DIFFERENCES = Map.ofEntries(
            difference("createPet: JSON nested 10,000 levels deep", 400, "invalid_json",
                    500, "internal_server_error", "bad input must get a 4xx"),
            difference("createPet: an unparsable Content-Type (garbage)", 400, "415",
                    500, "internal_server_error", "bad input must get a 4xx (the 415 rules pick the spec's 400)"),
            difference("an unparsable Accept (garbage)", 406, "NOT_ACCEPTABLE",
                    ExpectedDifference.NO_ANSWER, "", "bad input must never kill the mock"),
            difference("a request without its optional array header", 200, "spoon",
                    ExpectedDifference.NO_ANSWER, "", "a valid request must never kill the mock"),
            difference("a label-style path value without its leading dot", 200, "spoon",
                    ExpectedDifference.NO_ANSWER, "", "bad input must never kill the mock: the raw text is validated"),
            difference("getPet: Prefer: code=404, example=nope (undefined example)", 404, "#NOT_FOUND",
                    500, "#UNKNOWN", "an undefined example is the client's mistake, not a server failure"),
            difference("report: Prefer: dynamic=true on a content without schema", 200, "7,Rex",
                    500, "#UNKNOWN", "a spec gap should not break the client"),
            difference("petNotes: Accept: application/xml (an object example)", 200, "\"note\"",
                    200, "<note>", "XML bodies are not used by the contract: written as JSON"),
            difference("status: ?__server= names another server", 200, "ok",
                    404, "#NO_SERVER_MATCHED_ERROR", "server matching is not used by the contract: ignored"),
            difference("bookVisit: a multipart body with a field of the wrong type", 201, "",
                    422, "#UNPROCESSABLE_ENTITY", "multipart bodies are not used by the contract: not validated"));

    private static final String PET_STORE = "/differential/petstore/openapi.yaml";
    private static final String PET_STORE_SPLIT = "/differential/petstore-split/openapi.yaml";
    private static final String PRISM_CRASH = "/differential/prism-crash/openapi.yaml";

    @ParameterizedTest(name = "mock vs prism | {0}")
    @ArgumentsSource(Cases.class)
    @DisplayName("our mock answers like Prism")
    void mockAnswersLikePrism(DifferentialCase request, TargetHandle mock, TargetHandle prism) {
        Assumptions.assumeTrue(mock.pool().settings().targets().containsAll(List.of(mock.name(), prism.name())),
                "needs both mock and prism among " + SuiteSettings.TARGETS);
        Target ours = mock.acquire();
        Target reference = prism.acquire();

        judge(request, ours.baseUrl(), reference.baseUrl());
    }

    @ParameterizedTest(name = "{1} | {0}")
    @ArgumentsSource(OwnSpecCases.class)
    @DisplayName("our mock answers like Prism on a spec of our own")
    void mockAnswersLikePrismOnASpecOfOurOwn(DifferentialCase request, OwnSpec spec) {
        ServedSpec served = spec.acquire();

        judge(request, served.mockUrl(), served.prismUrl());
    }

    @ParameterizedTest(name = "mock vs prism | {0}")
    @ArgumentsSource(CrashCases.class)
    @DisplayName("our mock answers where Prism dies")
    void mockAnswersWherePrismDies(DifferentialCase request, OwnSpec spec) {
        ExpectedDifference expected = DOCUMENTED_DIFFERENCES.get(request.name());
        assertThat(expected).as("every crash case is a documented difference").isNotNull();
        try (ServedSpec served = spec.startPrivately()) {
            Exchange.WireResponse ours = new WireClient(served.mockUrl()).send(request.request()).answer();
            Optional<Exchange.WireResponse> prism = answerOrNone(served.prismUrl(), request.request());
            Optional<Exchange.WireResponse> afterwards = answerOrNone(served.prismUrl(),
                    RawRequest.method("GET", "/things").header("X-Tags", "a").build());

            assertThat(expected.unmet(ours, prism)).as("the documented difference (%s)", expected.reason())
                    .isEmpty();
            assertThat(afterwards).as("Prism no longer answers after the request").isEmpty();
        }
    }

    @ParameterizedTest(name = "mock vs prism | {0}")
    @ArgumentsSource(Cases.PrismOnly.class)
    @DisplayName("the comparison catches a mock that answers differently from Prism")
    void catchesAMockThatAnswersDifferently(String scenario, TargetHandle prism) {
        Target reference = prism.acquire();
        PaynetMockServer different = prism.pool().privateMock();
        OperationContract saveCard = prism.pool().contract(ConformanceTargets.SAVE_CARD);
        different.wireMock().stubFor(request(saveCard.method(), urlPathEqualTo(saveCard.path())).atPriority(1)
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":1}")));
        DifferentialCase valid = Cases.cases(prism.pool()).get(0);

        List<String> differences = ResponseComparison.differences(
                new WireClient(URI.create(different.baseUrl())).send(valid.request()).answer(),
                new WireClient(reference.baseUrl()).send(valid.request()).answer(), valid.body(), true);

        assertThat(differences)
                .anySatisfy(difference -> assertThat(difference).startsWith("status: ours 422, Prism 200"))
                .anySatisfy(difference -> assertThat(difference).startsWith("body: ours {\"code\":1}"));
    }

    @Test
    @DisplayName("the differential test sends at least 25 distinct requests")
    void sendsAtLeast25DistinctRequests() {
        OpenApiDocument spec = ApiSpec.bundled();
        List<DifferentialCase> cases = DifferentialCases.of(OperationContract.of(spec, ConformanceTargets.SAVE_CARD),
                OperationContract.of(spec, ConformanceTargets.CREATE_SESSION));

        assertThat(cases.stream().map(PrismDifferentialTest::wireForm).distinct()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(cases.stream().map(DifferentialCase::name).distinct()).hasSameSizeAs(cases);
    }

    @Test
    @DisplayName("the differential test sends at least 35 distinct requests to the pet store")
    void sendsAtLeast35DistinctRequestsToThePetStore() {
        List<DifferentialCase> cases = DifferentialCases.petStore();

        assertThat(cases.stream().map(PrismDifferentialTest::wireForm).distinct()).hasSizeGreaterThanOrEqualTo(35);
        assertThat(cases.stream().map(DifferentialCase::name).distinct()).hasSameSizeAs(cases);
    }

    @Test
    @DisplayName("every documented difference is a case the differential test sends")
    void everyDocumentedDifferenceIsACase() {
        List<String> names = new ArrayList<>();
        DifferentialCases.petStore().forEach(request -> names.add(request.name()));
        DifferentialCases.prismCrashes().forEach(request -> names.add(request.name()));

        assertThat(names).containsAll(DOCUMENTED_DIFFERENCES.keySet());
    }

    /**
     * Sends {@code request} to both and fails unless they answer alike, or, for a documented difference, unless
     * they differ exactly as documented.
     */
    private static void judge(DifferentialCase request, URI ours, URI reference) {
        Exchange ourAnswer = new WireClient(ours).send(request.request());
        Exchange prismAnswer = new WireClient(reference).send(request.request());

        List<String> differences = new ArrayList<>(ResponseComparison.differences(ourAnswer.answer(),
                prismAnswer.answer(), request.body(), true));
        if (request.repeat()) {
            differences.addAll(repeatability("ours", ours, request, ourAnswer));
            differences.addAll(repeatability("Prism", reference, request, prismAnswer));
        }
        String answers = "\nour mock's answer:\n" + ourAnswer.describe() + "Prism's answer:\n" + prismAnswer.describe();
        ExpectedDifference documented = DOCUMENTED_DIFFERENCES.get(request.name());
        if (documented != null) {
            if (differences.isEmpty()) {
                throw new AssertionError("the documented difference (" + documented.reason() + ") is gone: our mock"
                        + " now answers like Prism; drop the case from DOCUMENTED_DIFFERENCES and its row from"
                        + " docs/mock-behaviour.md" + answers);
            }
            Optional<String> unmet = documented.unmet(ourAnswer.answer(), Optional.of(prismAnswer.answer()));
            if (unmet.isPresent()) {
                throw new AssertionError("the documented difference (" + documented.reason() + ") changed: "
                        + unmet.get() + "; update DOCUMENTED_DIFFERENCES and docs/mock-behaviour.md" + answers);
            }
            return;
        }
        if (!differences.isEmpty()) {
            throw new AssertionError("our mock differs from Prism:\n- " + String.join("\n- ", differences) + answers);
        }
    }

    private static Map.Entry<String, ExpectedDifference> difference(String name, int ourStatus, String ourMarker,
                                                                    int prismStatus, String prismMarker,
                                                                    String reason) {
        return Map.entry(name, new ExpectedDifference(ourStatus, ourMarker, prismStatus, prismMarker, reason));
    }

    // Prism closes the connection without an answer when a request kills it, and refuses the next one.
    private static Optional<Exchange.WireResponse> answerOrNone(URI target, RawRequest request) {
        try {
            return Optional.of(new WireClient(target).send(request).answer());
        } catch (UncheckedIOException noAnswer) {
            return Optional.empty();
        }
    }

    private static String wireForm(DifferentialCase request) {
        return request.request().method() + " " + request.request().pathAndQuery() + " " + request.request().headers()
                + " " + request.request().contentType() + " " + request.request().body();
    }

    private static List<String> repeatability(String who, URI target, DifferentialCase request, Exchange first) {
        Exchange second = new WireClient(target).send(request.request());
        if (second.answer().body().equals(first.answer().body())) {
            return List.of();
        }
        return List.of(who + " answered the same seeded request differently: " + first.answer().body() + " then "
                + second.answer().body());
    }

    /** Every case, with the mock and Prism targets; skipped when the run does not include both. */
    static final class Cases implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
            TargetPool pool = TargetPool.of(context);
            TargetHandle mock = new TargetHandle(TargetPool.MOCK, pool);
            TargetHandle prism = new TargetHandle(TargetPool.PRISM, pool);
            return cases(pool).stream().map(request -> Arguments.of(request, mock, prism));
        }

        /** Prism alone, for the check that the comparison catches a difference. */
        static final class PrismOnly implements ArgumentsProvider {
            @Override
            public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
                return Stream.of(Arguments.of("a mock stubbed to answer 422",
                        new TargetHandle(TargetPool.PRISM, TargetPool.of(context))));
            }
        }

        static List<DifferentialCase> cases(TargetPool pool) {
            return DifferentialCases.of(pool.contract(ConformanceTargets.SAVE_CARD),
                    pool.contract(ConformanceTargets.CREATE_SESSION));
        }
    }

    /** Every pet store case, on the one-file and the two-file pet store; skipped when the run lacks mock or prism. */
    static final class OwnSpecCases implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
            OwnSpecs specs = OwnSpecs.of(context);
            OwnSpec oneFile = new OwnSpec("mock vs prism, pet store", PET_STORE, specs);
            OwnSpec twoFiles = new OwnSpec("mock vs prism, pet store in two files", PET_STORE_SPLIT, specs);
            List<DifferentialCase> cases = DifferentialCases.petStore();
            return Stream.concat(cases.stream().map(request -> Arguments.of(request, oneFile)),
                    cases.stream().map(request -> Arguments.of(request, twoFiles)));
        }
    }

    /** The requests that kill Prism, each sent to a Prism of its own. */
    static final class CrashCases implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
            OwnSpec crash = new OwnSpec("prism-crash", PRISM_CRASH, OwnSpecs.of(context));
            return DifferentialCases.prismCrashes().stream().map(request -> Arguments.of(request, crash));
        }
    }

    /**
     * A spec of our own (a test resource), served by our mock and Prism on first use and shared by its cases. Its
     * {@code toString()} is the report's target column.
     */
    record OwnSpec(String label, String resource, OwnSpecs specs) {
        ServedSpec acquire() {
            return specs.acquire(this);
        }

        /** A mock and a Prism of its own, for a request that kills Prism; the caller closes it. */
        ServedSpec startPrivately() {
            return specs.start(this);
        }

        Path file() {
            try {
                return Path.of(Objects.requireNonNull(PrismDifferentialTest.class.getResource(resource),
                        () -> "no test resource " + resource).toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(resource + " is not a file", e);
            }
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * The servers of the specs of our own, started on first use and stopped when the run ends (a root-store
     * {@link AutoCloseable}). Skips (fails in CI) when Prism cannot run or the run does not include both the mock
     * and Prism, like the targets of {@link TargetPool}.
     */
    static final class OwnSpecs implements AutoCloseable {
        private final SuiteSettings settings;
        private final Map<String, ServedSpec> served = new HashMap<>();

        private OwnSpecs(SuiteSettings settings) {
            this.settings = settings;
        }

        static OwnSpecs of(ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.create(OwnSpecs.class))
                    .getOrComputeIfAbsent(OwnSpecs.class, key -> new OwnSpecs(TargetPool.of(context).settings()),
                            OwnSpecs.class);
        }

        synchronized ServedSpec acquire(OwnSpec spec) {
            ServedSpec running = served.get(spec.resource());
            if (running == null) {
                running = start(spec);
                served.put(spec.resource(), running);
            }
            return running;
        }

        ServedSpec start(OwnSpec spec) {
            Assumptions.assumeTrue(settings.targets().containsAll(List.of(TargetPool.MOCK, TargetPool.PRISM)),
                    "needs both mock and prism among " + SuiteSettings.TARGETS);
            Optional<String> missing = PrismProcess.missingTools(settings.environment().get("PATH"));
            if (missing.isPresent() && settings.inCi()) {
                throw new AssertionError("Prism must run in CI (CI=true) but cannot: " + missing.get());
            }
            Assumptions.assumeTrue(missing.isEmpty(), () -> "Prism cannot run: " + missing.orElse(""));
            return ServedSpec.start(spec.file(), settings.prismDir(), settings.workDir());
        }

        @Override
        public synchronized void close() {
            served.values().forEach(ServedSpec::close);
            served.clear();
        }
    }
}
