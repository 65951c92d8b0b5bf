package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.spec.index.SpecIndex;
import io.github.paynetsavecard.spec.index.Operation;
import io.github.paynetsavecard.spec.index.References;
import io.github.paynetsavecard.spec.OpenApiDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers HTTP requests from an OpenAPI document the way Stoplight Prism 5.14 does in mock mode, without any
 * server: a {@link MockRequest} in, a {@link MockResponse} out.
 *
 * <p>The decision procedure, step by step (see {@link #handle}):
 * <ol>
 *   <li>CORS preflight: 204 allowing everything asked for (when CORS is on);</li>
 *   <li>read the body: bad JSON or an unknown charset is a 400, before anything else, as in Prism's HTTP layer;</li>
 *   <li>read the preferences ({@code Prefer}, else {@code __code}/{@code __example}/{@code __dynamic}/{@code __seed});
 *       malformed: 422;</li>
 *   <li>route: unknown path 404, wrong method 405;</li>
 *   <li>validate the request: security, content type, body, headers, query, path;</li>
 *   <li>invalid: the spec's 401 / 415-422-400 / 422-400 response with {@code sl-violations}, or Prism's problem;</li>
 *   <li>valid: the {@link RequestRule}s, then the status ({@code code=} or the lowest 2xx), the media type
 *       ({@code Accept}) and the body (named example, dynamic, first example, generated);</li>
 *   <li>validate the answer itself and report both sides in {@code sl-violations};</li>
 *   <li>add the CORS headers.</li>
 * </ol>
 *
 * <pre>{@code
 * MockEngine engine = MockEngine.create(ApiSpec.bundled(), EngineOptions.defaults());
 * MockResponse response = engine.handle(new MockRequest("POST", "/v1/paynetj/save_card", Map.of(),
 *         Map.of("Authorization", List.of("Basic key"), "Content-Type", List.of("application/json")),
 *         "{\"session_id\":\"js_x\"}".getBytes(UTF_8)));
 * }</pre>
 *
 * <p>Everything is read from the document once, in {@link #create}; {@link #handle} is thread-safe and never
 * throws.
 */
public final class MockEngine {
    private static final System.Logger LOG = System.getLogger(MockEngine.class.getName());
    private static final String JSON_UTF8 = "application/json; charset=utf-8";

    private final EngineOptions options;
    private final Router router;
    private final BodyReader bodyReader;
    private final AnswerRenderer renderer;
    private final ValidationSchemas schemas;

    private MockEngine(SpecIndex index, EngineOptions options) {
        this.options = options;
        this.router = new Router(index);
        this.bodyReader = new BodyReader(options.maxJsonNestingDepth());
        this.schemas = new ValidationSchemas(index);
        this.renderer = new AnswerRenderer(new References(index.document().tree()), schemas);
    }

    /**
     * An engine answering from {@code spec}; reads and compiles everything it needs now.
     *
     * @param spec    the document to answer from, e.g. {@code ApiSpec.bundled()}; not null
     * @param options how to behave beyond the spec, e.g. {@link EngineOptions#defaults()}; not null
     * @return the engine, to be shared: it is thread-safe
     */
    public static MockEngine create(OpenApiDocument spec, EngineOptions options) {
        Objects.requireNonNull(spec, "spec == null");
        return create(SpecIndex.of(spec), options);
    }

    /**
     * An engine answering from an index already read, so that a caller that needs the index too reads it once.
     *
     * @param index   the indexed document to answer from; not null
     * @param options how to behave beyond the spec; not null
     * @return the engine, to be shared: it is thread-safe
     */
    public static MockEngine create(SpecIndex index, EngineOptions options) {
        Objects.requireNonNull(index, "index == null");
        Objects.requireNonNull(options, "options == null");
        return new MockEngine(index, options);
    }

    /**
     * The operation a request goes to, routed as {@link #handle} routes it (Prism's rules: a concrete path before a
     * templated one, path segments compared decoded).
     *
     * @param method the HTTP method, any case
     * @param path   the request path without the query string, still percent-encoded
     * @return the operation; empty for a path or method the spec does not have
     */
    public Optional<Operation> operationFor(String method, String path) {
        return router.route(method, path) instanceof Route.Found found ? Optional.of(found.operation())
                : Optional.empty();
    }

    /**
     * The answer to {@code request}. Never throws: a failure inside a step is logged once, with its stack trace,
     * and answered with Prism's 500 problem.
     *
     * @param request the request; not null
     * @return the answer, CORS headers included when CORS is on; never null
     */
    public MockResponse handle(MockRequest request) {
        Map<String, String> corsHeaders = options.cors() ? Cors.commonHeaders(request) : Map.of();
        try {
            return decide(request, corsHeaders);
        } catch (RuntimeException | StackOverflowError unexpected) {
            LOG.log(System.Logger.Level.ERROR, () -> "The mock failed to answer " + request.method() + " "
                    + request.path() + ": " + EngineFailure.describe(unexpected));
            return Problem.of(ProblemType.UNKNOWN, unexpected.getClass().getSimpleName()).response(corsHeaders);
        }
    }

    private MockResponse decide(MockRequest request, Map<String, String> corsHeaders) {
        if (options.cors() && Cors.isPreflight(request)) {
            return Cors.preflight(request);
        }
        RequestBody body = bodyReader.read(request);
        if (body instanceof RequestBody.Unreadable unreadable) {
            return httpLayerError(corsHeaders, unreadable);
        }
        PreferenceParser.Result parsed = PreferenceParser.parse(request.headerValues("Prefer"), request.query());
        if (parsed instanceof PreferenceParser.Result.Malformed malformed) {
            return Problem.of(ProblemType.UNPROCESSABLE_ENTITY, malformed.detail()).response(corsHeaders);
        }
        Preferences preferences = ((PreferenceParser.Result.Valid) parsed).preferences();

        Route route = router.route(request.method(), request.path());
        if (!(route instanceof Route.Found found)) {
            return routingProblem(route).response(corsHeaders);
        }
        Operation operation = found.operation();
        Map<String, JsonNode> fields = Map.of();

        List<Violation> violations = RequestValidator.validate(operation, request, body, found.pathParameters(),
                schemas);
        Selection selection;
        if (violations.stream().anyMatch(violation -> violation.severity() == Severity.Error)) {
            selection = ResponseSelector.forInvalidRequest(operation, violations, preferences);
        } else {
            boolean explicit = preferences.code().isPresent() || preferences.example().isPresent();
            RuleContext context = new RuleContext(request, operation.id(), found.pathParameters(), body.json(),
                    explicit);
            for (RequestRule rule : options.requestRules()) {
                Optional<RuleOutcome> outcome = rule.evaluate(context);
                if (outcome.isPresent() && outcome.get() instanceof RuleOutcome.Respond respond) {
                    return withHeadersFirst(corsHeaders, respond.response());
                }
                if (outcome.isPresent() && outcome.get() instanceof RuleOutcome.Select select) {
                    preferences = preferences.overriddenBy(select.status(), select.example());
                    fields = select.fields();
                    break;
                }
            }
            selection = ResponseSelector.forValidRequest(operation, preferences, acceptRanges(request));
        }
        if (selection instanceof Selection.Failed failed) {
            return failed.problem().response(corsHeaders);
        }
        return renderer.render(operation, (Selection.Chosen) selection, preferences, violations, corsHeaders, fields);
    }

    private static Problem routingProblem(Route route) {
        if (route instanceof Route.NoMethod noMethod) {
            return Problem.of(ProblemType.NO_METHOD_MATCHED_ERROR, "The route " + noMethod.path()
                    + " has been matched, but it does not have \"" + noMethod.method() + "\" method defined");
        }
        if (route instanceof Route.NoPath noPath) {
            return Problem.of(ProblemType.NO_PATH_MATCHED_ERROR, "The route " + noPath.path()
                    + " hasn't been found in the specification file");
        }
        return Problem.of(ProblemType.NO_RESOURCE_PROVIDED_ERROR,
                "The current document does not have any resource to match with.");
    }

    private static Optional<List<String>> acceptRanges(MockRequest request) {
        List<String> values = request.headerValues("Accept");
        if (values.isEmpty() || String.join(",", values).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(List.of(String.join(",", values).split(",")));
    }

    // What Prism's HTTP layer (micri) answers for a body it cannot read, before routing or validation.
    private static MockResponse httpLayerError(Map<String, String> corsHeaders, RequestBody.Unreadable unreadable) {
        Map<String, String> headers = new LinkedHashMap<>(corsHeaders);
        headers.put("Content-Type", JSON_UTF8);
        ObjectNode body = EngineJson.MAPPER.createObjectNode();
        body.putObject("error").put("code", unreadable.code()).put("message", unreadable.message());
        return new MockResponse(400, headers, EngineJson.write(body));
    }

    private static MockResponse withHeadersFirst(Map<String, String> first, MockResponse response) {
        Map<String, String> headers = new LinkedHashMap<>(first);
        headers.putAll(response.headers());
        return new MockResponse(response.status(), headers, response.body());
    }
}
