package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.spec.index.Content;
import io.github.paynetsavecard.spec.index.HeaderDefinition;
import io.github.paynetsavecard.spec.index.MediaType;
import io.github.paynetsavecard.spec.index.Operation;
import io.github.paynetsavecard.spec.index.References;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last step of the decision procedure: turns the chosen response into bytes. It fills the body (the example,
 * or a body generated from the schema), the declared headers, {@code Content-Type} and {@code Deprecation},
 * validates the answer against the spec as Prism does, and reports both sides' violations in
 * {@code sl-violations}. Examples never change, so each one is rendered and self-validated once and then served
 * from a cache; {@link MockResponse} hands out copies of its body, so no caller can change a cached answer.
 */
final class AnswerRenderer {
    // Prism truncates the header below Node's 8 KB header limit.
    private static final int MAX_VIOLATIONS_HEADER = 8 * 1024 - 100;

    private final StaticSampler staticSampler;
    private final DynamicSampler dynamicSampler;
    private final Map<RenderKey, Rendered> renderedExamples = new ConcurrentHashMap<>();

    private final ValidationSchemas schemas;

    AnswerRenderer(References references, ValidationSchemas schemas) {
        this.schemas = schemas;
        this.staticSampler = new StaticSampler(references);
        this.dynamicSampler = new DynamicSampler(references);
    }

    /**
     * The answer for {@code chosen}.
     *
     * @param fields top-level fields a rule replaces in the chosen example's body when it is a JSON object (a
     *               {@code MissingNode} removes one); empty to answer the example as it is
     */
    MockResponse render(Operation operation, Selection.Chosen chosen, Preferences preferences,
                        List<Violation> requestViolations, Map<String, String> corsHeaders,
                        Map<String, JsonNode> fields) {
        Rendered rendered;
        if (!fields.isEmpty() && chosen.body() instanceof BodyChoice.FromExample example
                && example.value() instanceof ObjectNode object) {
            rendered = renderPatched(operation, chosen, object, preferences, fields);
        } else if (chosen.body() instanceof BodyChoice.FromExample && !preferences.dynamic()) {
            rendered = renderedExample(operation, chosen, preferences);
        } else {
            rendered = renderFresh(operation, chosen, preferences);
        }
        if (rendered.problem() != null) {
            return rendered.problem().response(corsHeaders);
        }
        Map<String, String> all = new LinkedHashMap<>(corsHeaders);
        violationsHeader(requestViolations, rendered.violations()).ifPresent(value -> all.put("sl-violations", value));
        all.putAll(rendered.headers());
        return new MockResponse(chosen.status(), all, rendered.body());
    }

    /** Examples never change: each one is rendered and self-validated once. */
    private Rendered renderedExample(Operation operation, Selection.Chosen chosen, Preferences preferences) {
        BodyChoice.FromExample example = (BodyChoice.FromExample) chosen.body();
        RenderKey key = new RenderKey(operation, chosen.response().contents(), chosen.status(),
                chosen.mediaType().orElse(null), example.value());
        Rendered rendered = renderedExamples.get(key);
        if (rendered == null) {
            rendered = renderFresh(operation, chosen, preferences);
            rendered = rendered.checkedAgainst(ResponseValidator.bodyContent(operation, chosen.status(),
                    rendered.headers()));
            renderedExamples.putIfAbsent(key, rendered);
        }
        return rendered;
    }

    /**
     * The example with {@code fields} in place. When the example renders clean and the replaced fields fit their
     * schemas one by one ({@link ValidationSchemas#stillFits}, on the content the whole check would use), the
     * example's headers and empty findings stand and only the body is written again; otherwise the patched answer is
     * rendered and checked as a whole.
     */
    private Rendered renderPatched(Operation operation, Selection.Chosen chosen, ObjectNode example,
                                   Preferences preferences, Map<String, JsonNode> fields) {
        ObjectNode body = patched(example, fields);
        if (!preferences.dynamic()) {
            Rendered unpatched = renderedExample(operation, chosen, preferences);
            if (unpatched.problem() == null && unpatched.violations().isEmpty()
                    && unpatched.checkedContent().filter(content -> schemas.stillFits(content, fields)).isPresent()) {
                // The example, an object too, was written in this media type: so is the patched body.
                return new Rendered(unpatched.headers(), serialize(Optional.of(body), chosen.mediaType()).orElseThrow(),
                        List.of(), Optional.empty(), null);
            }
        }
        return renderFresh(operation, chosen.withBody(new BodyChoice.FromExample(body)), preferences);
    }

    /** A copy of {@code example} with {@code fields} in place. */
    static ObjectNode patched(ObjectNode example, Map<String, JsonNode> fields) {
        ObjectNode body = example.deepCopy();
        fields.forEach((name, value) -> {
            // A missing node removes the field: the example's value would be wrong, and there is none to give.
            if (value.isMissingNode()) {
                body.remove(name);
            } else {
                body.set(name, value);
            }
        });
        return body;
    }

    /**
     * A rendered answer before CORS and request violations: its headers, body and own violations, or a problem; and,
     * for a cached example, the content its body was checked against ({@link ResponseValidator#bodyContent}), which
     * the answers patched from it are checked against too.
     */
    private record Rendered(Map<String, String> headers, byte[] body, List<Violation> violations,
                            Optional<Content> checkedContent, Problem problem) {
        static Rendered failed(Problem problem) {
            return new Rendered(Map.of(), new byte[0], List.of(), Optional.empty(), problem);
        }

        Rendered checkedAgainst(Optional<Content> content) {
            return new Rendered(headers, body, violations, content, problem);
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
        List<Violation> violations = ResponseValidator.validate(operation, chosen.status(), headers, body, schemas);
        return new Rendered(Collections.unmodifiableMap(headers), bytes.get(), violations, Optional.empty(), null);
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
        return Optional.of(EngineJson.write(value));
    }

    private static Optional<String> violationsHeader(List<Violation> request, List<Violation> response) {
        if (request.isEmpty() && response.isEmpty()) {
            return Optional.empty();
        }
        ArrayNode list = EngineJson.MAPPER.createArrayNode();
        request.forEach(violation -> list.add(slViolation(violation, "request")));
        response.forEach(violation -> list.add(slViolation(violation, "response")));
        String value = new String(EngineJson.write(list), StandardCharsets.UTF_8);
        if (value.length() > MAX_VIOLATIONS_HEADER) {
            value = "Too many violations! " + value.substring(0, MAX_VIOLATIONS_HEADER);
        }
        return Optional.of(value);
    }

    private static ObjectNode slViolation(Violation violation, String side) {
        ObjectNode item = EngineJson.MAPPER.createObjectNode();
        ArrayNode location = item.putArray("location");
        violation.location(side).forEach(location::add);
        item.put("severity", violation.severity().name());
        violation.code().ifPresent(code -> item.set("code", code));
        item.put("message", violation.message());
        return item;
    }
}
