package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.spec.index.SpecIndex;
import io.github.paynetsavecard.spec.index.HeaderDefinition;
import io.github.paynetsavecard.spec.index.Operation;
import io.github.paynetsavecard.spec.index.References;
import io.github.paynetsavecard.spec.index.MediaType;
import io.github.paynetsavecard.spec.OpenApiDocument;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_UTF8 = "application/json; charset=utf-8";
    // Prism truncates the header below Node's 8 KB header limit.
    private static final int MAX_VIOLATIONS_HEADER = 8 * 1024 - 100;

    private final EngineOptions options;
    private final Router router;
    private final BodyReader bodyReader;
    private final StaticSampler staticSampler;
    private final DynamicSampler dynamicSampler;
    private final Map<RenderKey, Rendered> renderedExamples = new ConcurrentHashMap<>();

    private MockEngine(SpecIndex contract, References references, EngineOptions options) {
        this.options = options;
        this.router = new Router(contract);
        this.bodyReader = new BodyReader(options.maxJsonNestingDepth());
        this.staticSampler = new StaticSampler(references);
        this.dynamicSampler = new DynamicSampler(references);
    }

    /** An engine answering from {@code spec}; reads and compiles everything it needs now. */
    public static MockEngine create(OpenApiDocument spec, EngineOptions options) {
        Objects.requireNonNull(spec, "spec == null");
        Objects.requireNonNull(options, "options == null");
        return new MockEngine(SpecIndex.of(spec), new References(spec.tree()), options);
    }

    /** The answer to {@code request}. Never throws: an internal failure is a 500 problem. */
    public MockResponse handle(MockRequest request) {
        Map<String, String> corsHeaders = options.cors() ? Cors.commonHeaders(request) : Map.of();
        try {
            return decide(request, corsHeaders);
        } catch (RuntimeException | StackOverflowError unexpected) {
            return problem(corsHeaders, Problem.of(ProblemType.UNKNOWN, unexpected.getClass().getSimpleName()));
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
            return problem(corsHeaders, Problem.of(ProblemType.UNPROCESSABLE_ENTITY, malformed.detail()));
        }
        Preferences preferences = ((PreferenceParser.Result.Valid) parsed).preferences();

        Route route = router.route(request.method(), request.path());
        if (!(route instanceof Route.Found found)) {
            return problem(corsHeaders, routingProblem(route));
        }
        Operation operation = found.operation();
        Map<String, JsonNode> fields = Map.of();

        List<Violation> violations = RequestValidator.validate(operation, request, body, found.pathParameters());
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
            return problem(corsHeaders, failed.problem());
        }
        Selection.Chosen chosen = (Selection.Chosen) selection;
        if (!fields.isEmpty() && chosen.body() instanceof BodyChoice.FromExample example
                && example.value().isObject()) {
            ObjectNode patched = ((ObjectNode) example.value()).deepCopy();
            // A missing node removes the field: the example's value would be wrong, and there is none to give.
            fields.forEach((name, value) -> {
                if (value.isMissingNode()) {
                    patched.remove(name);
                } else {
                    patched.set(name, value);
                }
            });
            chosen = chosen.withBody(new BodyChoice.FromExample(patched));
        }
        return render(operation, chosen, preferences, violations, corsHeaders, !fields.isEmpty());
    }

    private MockResponse render(Operation operation, Selection.Chosen chosen, Preferences preferences,
                                List<Violation> requestViolations, Map<String, String> corsHeaders,
                                boolean patched) {
        Rendered rendered;
        if (chosen.body() instanceof BodyChoice.FromExample example && !preferences.dynamic() && !patched) {
            // Examples never change: render and self-validate each one once.
            RenderKey key = new RenderKey(operation, chosen.response().contents(), chosen.status(),
                    chosen.mediaType().orElse(null), example.value());
            rendered = renderedExamples.get(key);
            if (rendered == null) {
                rendered = renderFresh(operation, chosen, preferences);
                renderedExamples.putIfAbsent(key, rendered);
            }
        } else {
            rendered = renderFresh(operation, chosen, preferences);
        }
        if (rendered.problem() != null) {
            return problem(corsHeaders, rendered.problem());
        }
        Map<String, String> all = new LinkedHashMap<>(corsHeaders);
        violationsHeader(requestViolations, rendered.violations()).ifPresent(value -> all.put("sl-violations", value));
        all.putAll(rendered.headers());
        return new MockResponse(chosen.status(), all, rendered.body());
    }

    /** A rendered answer before CORS and request violations: its headers, body and own violations, or a problem. */
    private record Rendered(Map<String, String> headers, byte[] body, List<Violation> violations, Problem problem) {
        static Rendered failed(Problem problem) {
            return new Rendered(Map.of(), new byte[0], List.of(), problem);
        }
    }

    /** Identifies a rendered example by identity: the spec's nodes are shared and never change. */
    private static final class RenderKey {
        private final Object operation;
        private final Object contents;
        private final int status;
        private final String mediaType;
        private final Object example;

        RenderKey(Object operation, Object contents, int status, String mediaType, Object example) {
            this.operation = operation;
            this.contents = contents;
            this.status = status;
            this.mediaType = mediaType;
            this.example = example;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RenderKey key && key.operation == operation && key.contents == contents
                    && key.status == status && Objects.equals(key.mediaType, mediaType) && key.example == example;
        }

        @Override
        public int hashCode() {
            return Objects.hash(System.identityHashCode(operation), System.identityHashCode(contents), status,
                    mediaType, System.identityHashCode(example));
        }
    }

    private Rendered renderFresh(Operation operation, Selection.Chosen chosen, Preferences preferences) {
        Optional<JsonNode> body;
        Map<String, String> headers = new LinkedHashMap<>();
        try {
            body = bodyOf(chosen.body(), preferences);
            for (HeaderDefinition header : chosen.response().headers()) {
                headerValue(header, preferences).ifPresent(value -> headers.put(header.name(), value));
            }
        } catch (SchemaTooComplexException tooComplex) {
            return Rendered.failed(Problem.of(ProblemType.SCHEMA_TOO_COMPLEX,
                    "Unable to generate body for response. The schema is too complex to generate."));
        }
        chosen.mediaType().ifPresent(mediaType -> headers.put("Content-Type", mediaType));
        if (operation.deprecated()) {
            headers.put("deprecation", "true");
        }
        Optional<byte[]> bytes = serialize(body, chosen.mediaType());
        if (bytes.isEmpty()) {
            return Rendered.failed(Problem.of(ProblemType.NO_COMPLEX_OBJECT_TEXT,
                    "Cannot serialise complex objects as text"));
        }
        List<Violation> violations = ResponseValidator.validate(operation, chosen.status(), headers, body);
        return new Rendered(Collections.unmodifiableMap(headers), bytes.get(), violations, null);
    }

    private Optional<JsonNode> bodyOf(BodyChoice choice, Preferences preferences) {
        if (choice instanceof BodyChoice.FromExample example) {
            return Optional.of(example.value());
        }
        if (choice instanceof BodyChoice.FromSchema schema) {
            return generate(schema.schema(), preferences);
        }
        return Optional.empty();
    }

    private Optional<JsonNode> generate(JsonNode schema, Preferences preferences) {
        return preferences.dynamic() ? dynamicSampler.sample(schema, preferences.seed())
                : staticSampler.sample(schema);
    }

    // Prism fills a declared header from its first example, else from its schema (strings and numbers only).
    private Optional<String> headerValue(HeaderDefinition header, Preferences preferences) {
        if (header.schema().isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonNode> value = header.examples().isEmpty()
                ? generate(header.schema().get(), preferences)
                : header.examples().get(0).value();
        return value.filter(v -> v.isTextual() || v.isNumber()).map(JsonNode::asText);
    }

    // Prism's serialisers: JSON for JSON media types, text as is, nothing for no body; an object as text fails.
    private static Optional<byte[]> serialize(Optional<JsonNode> body, Optional<String> mediaType) {
        if (body.isEmpty() || body.get().isMissingNode()) {
            return Optional.of(new byte[0]);
        }
        JsonNode value = body.get();
        Optional<MediaType> type = mediaType.flatMap(MediaType::parse);
        boolean json = type.map(MediaType::isJson).orElse(false);
        if (!json && value.isTextual()) {
            return Optional.of(value.textValue().getBytes(StandardCharsets.UTF_8));
        }
        if (!json && type.map(t -> t.type().equals("text")).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(write(value));
    }

    private static Optional<String> violationsHeader(List<Violation> request, List<Violation> response) {
        if (request.isEmpty() && response.isEmpty()) {
            return Optional.empty();
        }
        ArrayNode list = JSON.createArrayNode();
        request.forEach(violation -> list.add(slViolation(violation, "request")));
        response.forEach(violation -> list.add(slViolation(violation, "response")));
        String value = new String(write(list), StandardCharsets.UTF_8);
        if (value.length() > MAX_VIOLATIONS_HEADER) {
            value = "Too many violations! " + value.substring(0, MAX_VIOLATIONS_HEADER);
        }
        return Optional.of(value);
    }

    private static ObjectNode slViolation(Violation violation, String side) {
        ObjectNode item = JSON.createObjectNode();
        ArrayNode location = item.putArray("location");
        violation.location(side).forEach(location::add);
        item.put("severity", violation.severity().name());
        violation.code().ifPresent(code -> item.set("code", code));
        item.put("message", violation.message());
        return item;
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

    private static MockResponse problem(Map<String, String> corsHeaders, Problem problem) {
        Map<String, String> headers = new LinkedHashMap<>(corsHeaders);
        headers.put("Content-Type", Problem.MEDIA_TYPE);
        headers.putAll(problem.headers());
        return new MockResponse(problem.type().status(), headers, write(problem.body()));
    }

    // What Prism's HTTP layer (micri) answers for a body it cannot read, before routing or validation.
    private static MockResponse httpLayerError(Map<String, String> corsHeaders, RequestBody.Unreadable unreadable) {
        Map<String, String> headers = new LinkedHashMap<>(corsHeaders);
        headers.put("Content-Type", JSON_UTF8);
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("code", unreadable.code()).put("message", unreadable.message());
        return new MockResponse(400, headers, write(body));
    }

    private static MockResponse withHeadersFirst(Map<String, String> first, MockResponse response) {
        Map<String, String> headers = new LinkedHashMap<>(first);
        headers.putAll(response.headers());
        return new MockResponse(response.status(), headers, response.body());
    }

    private static byte[] write(JsonNode value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("Cannot write JSON", impossible);
        }
    }
}
