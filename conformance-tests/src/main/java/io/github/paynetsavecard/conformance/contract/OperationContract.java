package io.github.paynetsavecard.conformance.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paynetsavecard.conformance.wire.Exchange;
import io.github.paynetsavecard.spec.OpenApiDocument;
import io.github.paynetsavecard.spec.SchemaValidator;
import io.github.paynetsavecard.spec.SchemaViolation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the spec says about one operation, read from the document as written: its path and method, its request
 * and response examples, and the rules an answer must keep (declared status, declared content type, body valid
 * against that response's schema).
 *
 * <pre>{@code
 * OperationContract saveCard = OperationContract.of(ApiSpec.bundled(), "saveCard");
 * List<RuleViolation> broken = saveCard.violations(exchange);
 * }</pre>
 */
public final class OperationContract {
    private static final String JSON = "application/json";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private final OpenApiDocument document;
    private final SchemaValidator validator;
    private final String operationId;
    private final String path;
    private final String method;
    private final JsonNode operation;

    private OperationContract(OpenApiDocument document, String operationId, String path, String method,
                              JsonNode operation) {
        this.document = document;
        this.validator = SchemaValidator.of(document);
        this.operationId = operationId;
        this.path = path;
        this.method = method;
        this.operation = operation;
    }

    /** The operation {@code operationId} of {@code document}; an error naming the ids there are if it is missing. */
    public static OperationContract of(OpenApiDocument document, String operationId) {
        Objects.requireNonNull(document, "document == null");
        Objects.requireNonNull(operationId, "operationId == null");
        List<String> seen = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.tree().path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                String id = operation.path("operationId").asText("");
                if (id.equals(operationId)) {
                    return new OperationContract(document, operationId, path.getKey(), method.toUpperCase(Locale.ROOT),
                            operation);
                }
                if (!id.isEmpty()) {
                    seen.add(id);
                }
            }
        }
        throw new IllegalArgumentException("No operation " + operationId + " in " + document.source()
                + "; it has " + seen);
    }

    /** The operation's {@code operationId}. */
    public String operationId() {
        return operationId;
    }

    /** The path as written in the spec, e.g. {@code /v1/paynetj/save_card}. */
    public String path() {
        return path;
    }

    /** The method in upper case, e.g. {@code POST}. */
    public String method() {
        return method;
    }

    /** The methods the spec does not declare on this path, in a stable order, upper case. */
    public List<String> undeclaredMethods() {
        JsonNode pathItem = document.tree().path("paths").path(path);
        return METHODS.stream().filter(m -> !pathItem.has(m)).map(m -> m.toUpperCase(Locale.ROOT)).toList();
    }

    /** An extension of the operation ({@code x-...}) as written; missing node when absent. */
    public JsonNode extension(String name) {
        return operation.path(name);
    }

    /** The JSON request body examples, in the spec's order. */
    public List<NamedExample> requestExamples() {
        return examples("", resolve(operation.path("requestBody")).path("content").path(JSON));
    }

    /** The request example {@code name}; an error listing the names there are if it is missing. */
    public NamedExample requestExample(String name) {
        return find(requestExamples(), name);
    }

    /** The JSON response examples of every declared status, in the spec's order. */
    public List<NamedExample> responseExamples() {
        List<NamedExample> all = new ArrayList<>();
        responses().forEach((status, response) -> all.addAll(examples(status, response.path("content").path(JSON))));
        return all;
    }

    /** The response example {@code name}; an error listing the names there are if it is missing. */
    public NamedExample responseExample(String name) {
        return find(responseExamples(), name);
    }

    /** The declared status keys ({@code 200}, {@code 4XX}, {@code default}) in the spec's order. */
    public List<String> declaredStatuses() {
        return List.copyOf(responses().keySet());
    }

    /** The schema of the first declared 4xx response: the shape Paynet gives every error ("any other status"). */
    public Optional<JsonNode> errorSchema() {
        return responses().entrySet().stream()
                .filter(response -> response.getKey().startsWith("4"))
                .map(response -> response.getValue().path("content").path(JSON).path("schema"))
                .filter(schema -> !schema.isMissingNode())
                .findFirst();
    }

    /** The name of the response example whose value equals {@code body}, to tell a reader which one was served. */
    public Optional<NamedExample> exampleEqualTo(JsonNode body) {
        return responseExamples().stream().filter(example -> example.value().equals(body)).findFirst();
    }

    /**
     * Every rule of the spec that the response of {@code exchange} breaks: the status must be declared, its
     * {@code Content-Type} must be one the spec declares for that status, and the body must validate against that
     * response's schema. Empty when the answer conforms.
     */
    public List<RuleViolation> violations(Exchange exchange) {
        Exchange.WireResponse response = exchange.answer();
        String status = String.valueOf(response.status());
        Optional<String> key = statusKey(status);
        if (key.isEmpty()) {
            return List.of(new RuleViolation("the status is one the spec declares for " + method + " " + path,
                    "got " + status + "; declared: " + String.join(", ", declaredStatuses())));
        }
        JsonNode content = responses().get(key.get()).path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return response.body().isEmpty() ? List.of() : List.of(new RuleViolation(
                    "response " + key.get() + " has no body in the spec", "got " + response.body().length() + " chars"));
        }
        String mediaType = response.contentType().map(OperationContract::mediaType).orElse("");
        Optional<String> declared = declaredMediaType(content, mediaType);
        if (declared.isEmpty()) {
            return List.of(new RuleViolation("the Content-Type is one the spec declares for response " + key.get(),
                    "got " + response.contentType().orElse("no Content-Type") + "; declared: "
                            + String.join(", ", fieldNames(content))));
        }
        return bodyViolations("response " + key.get() + " " + declared.get(),
                content.path(declared.get()).path("schema"), response);
    }

    /**
     * Every rule the JSON body breaks of {@code schema}, a schema node of this document; {@code subject} says whose
     * schema it is in messages, e.g. "response 400 application/json". Also used for statuses the spec does not
     * declare but whose shape it states.
     */
    public List<RuleViolation> bodyViolations(String subject, JsonNode schema, Exchange.WireResponse response) {
        String rule = "the body validates against the schema of " + subject;
        if (schema.isMissingNode()) {
            return List.of();
        }
        Optional<JsonNode> body = response.json();
        if (body.isEmpty()) {
            return List.of(new RuleViolation(rule, response.body().isEmpty() ? "the body is empty"
                    : "the body is not JSON"));
        }
        List<RuleViolation> broken = new ArrayList<>();
        for (SchemaViolation violation : validator.validate(schema, body.get())) {
            broken.add(new RuleViolation(rule + " (" + describe(schema) + ", keyword `" + violation.keyword() + "`)",
                    violation + servedExample(body.get())));
        }
        return broken;
    }

    private String servedExample(JsonNode body) {
        return exampleEqualTo(body).map(example -> "; the body is the spec's example `" + example.name()
                + "` of response " + example.status() + ", which breaks its own schema").orElse("");
    }

    /** Validates any value against a schema node of this document. */
    public List<SchemaViolation> validate(JsonNode schema, JsonNode value) {
        return validator.validate(schema, value);
    }

    /** The request body schema (resolved), for checks that build negative requests. */
    public JsonNode requestSchema() {
        return resolve(resolve(operation.path("requestBody")).path("content").path(JSON).path("schema"));
    }

    private static String describe(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? "inline schema" : ref.substring(ref.lastIndexOf('/') + 1);
    }

    private Optional<String> statusKey(String status) {
        Map<String, JsonNode> responses = responses();
        if (responses.containsKey(status)) {
            return Optional.of(status);
        }
        String range = status.charAt(0) + "XX";
        if (responses.containsKey(range)) {
            return Optional.of(range);
        }
        return responses.containsKey("default") ? Optional.of("default") : Optional.empty();
    }

    private static Optional<String> declaredMediaType(JsonNode content, String mediaType) {
        for (String declared : fieldNames(content)) {
            String lower = declared.toLowerCase(Locale.ROOT);
            if (lower.equals(mediaType) || lower.equals("*/*")
                    || (lower.endsWith("/*") && mediaType.startsWith(lower.substring(0, lower.length() - 1)))) {
                return Optional.of(declared);
            }
        }
        return Optional.empty();
    }

    /** The media type of a {@code Content-Type} value, lower case, without parameters. */
    public static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private Map<String, JsonNode> responses() {
        Map<String, JsonNode> responses = new LinkedHashMap<>();
        operation.path("responses").fields()
                .forEachRemaining(response -> responses.put(response.getKey(), resolve(response.getValue())));
        return responses;
    }

    private List<NamedExample> examples(String status, JsonNode mediaType) {
        List<NamedExample> examples = new ArrayList<>();
        mediaType.path("examples").fields().forEachRemaining(example -> examples.add(new NamedExample(status,
                example.getKey(), resolve(example.getValue()).path("value"))));
        return examples;
    }

    private static NamedExample find(List<NamedExample> examples, String name) {
        return examples.stream().filter(example -> example.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No example " + name + "; the spec has "
                        + examples.stream().map(NamedExample::name).toList()));
    }

    /** Follows local {@code $ref}s ({@code #/components/...}) until a node that is not a reference. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 20; hops++) {
            String ref = current.path("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("Only local $refs are supported here: " + ref);
            }
            current = document.tree().at(ref.substring(1));
        }
        return current;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
