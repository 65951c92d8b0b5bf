package io.github.paynetsavecard.conformance.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paynetsavecard.conformance.wire.Exchange;
import io.github.paynetsavecard.spec.OpenApiDocument;
import io.github.paynetsavecard.spec.SchemaViolation;
import io.github.paynetsavecard.spec.index.Content;
import io.github.paynetsavecard.spec.index.Example;
import io.github.paynetsavecard.spec.index.MediaType;
import io.github.paynetsavecard.spec.index.Operation;
import io.github.paynetsavecard.spec.index.ResponseDefinition;
import io.github.paynetsavecard.spec.index.SpecIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the spec says about one operation, read through the spec's {@link SpecIndex} (so the suite sees the same
 * examples, media types and schemas as the mock): its path and method, its request
 * and response examples, and the rules an answer must keep (declared status, declared content type, body valid
 * against that response's schema).
 *
 * <pre>{@code
 * OperationContract saveCard = OperationContract.of(ApiSpec.bundled(), "saveCard");
 * List<RuleViolation> broken = saveCard.violations(exchange);
 * }</pre>
 */
public final class OperationContract {
    private final SpecIndex index;
    private final Operation operation;

    private OperationContract(SpecIndex index, Operation operation) {
        this.index = index;
        this.operation = operation;
    }

    /**
     * The operation {@code operationId} of {@code document}; an error naming the ids there are if it is missing.
     *
     * @param document    the spec, indexed anew for this contract; not null
     * @param operationId the operation's {@code operationId}, e.g. {@code saveCard}; not null
     * @return the contract of that operation
     * @throws IllegalArgumentException when the document has no such operation, naming the ids it has
     */
    public static OperationContract of(OpenApiDocument document, String operationId) {
        Objects.requireNonNull(document, "document == null");
        return of(SpecIndex.of(document), operationId);
    }

    /**
     * The operation {@code operationId} of {@code index}; an error naming the ids there are if it is missing.
     *
     * @param index       the indexed spec, shared by every contract built from it; not null
     * @param operationId the operation's {@code operationId}, e.g. {@code saveCard}; not null
     * @return the contract of that operation
     * @throws IllegalArgumentException when the index has no such operation, naming the ids it has
     */
    public static OperationContract of(SpecIndex index, String operationId) {
        Objects.requireNonNull(index, "index == null");
        Objects.requireNonNull(operationId, "operationId == null");
        return new OperationContract(index, index.requireOperation(operationId));
    }

    /**
     * The operation's {@code operationId}.
     *
     * @return the id, or {@code METHOD path} for an operation the spec gives none
     */
    public String operationId() {
        return operation.id();
    }

    /**
     * The path as written in the spec, e.g. {@code /v1/paynetj/save_card}.
     *
     * @return the path template, relative to a target's base URL
     */
    public String path() {
        return operation.path();
    }

    /**
     * The method in upper case, e.g. {@code POST}.
     *
     * @return the HTTP method, ready for a request line
     */
    public String method() {
        return operation.method().toUpperCase(Locale.ROOT);
    }

    /**
     * The methods the spec does not declare on this path, in a stable order, upper case.
     *
     * @return the OpenAPI 3.0 methods not declared on {@link #path()}, in the specification's order; unmodifiable
     */
    public List<String> undeclaredMethods() {
        List<String> declared = index.operationsOn(operation.path()).stream().map(Operation::method).toList();
        return SpecIndex.METHODS.stream().filter(m -> !declared.contains(m)).map(m -> m.toUpperCase(Locale.ROOT))
                .toList();
    }

    /**
     * An extension of the operation ({@code x-...}) as written; missing node when absent.
     *
     * @param name the key with its {@code x-} prefix, e.g. {@code x-paynet-session-source}
     * @return its value as written, or a {@code MissingNode} (never null) when the operation has no such key
     */
    public JsonNode extension(String name) {
        return operation.extension(name).orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }

    /**
     * The JSON request body examples (plain and named, as the mock serves them), in the spec's order.
     *
     * @return the examples of the first JSON media type, each with an empty status; empty when there is no
     *         request body or it has no JSON examples
     */
    public List<NamedExample> requestExamples() {
        return operation.requestBody().flatMap(body -> jsonContent(body.contents()))
                .map(content -> examples("", content)).orElse(List.of());
    }

    /**
     * The request example {@code name}; an error listing the names there are if it is missing.
     *
     * @param name the example's key in the spec
     * @return the example
     * @throws IllegalArgumentException when there is no request example of that name, listing the names there are
     */
    public NamedExample requestExample(String name) {
        return find(requestExamples(), name);
    }

    /**
     * The JSON response examples of every declared status, in the spec's order.
     *
     * @return the examples of each response's first JSON media type, each with its status key; a new list
     */
    public List<NamedExample> responseExamples() {
        List<NamedExample> all = new ArrayList<>();
        for (ResponseDefinition response : operation.responses()) {
            jsonContent(response.contents()).ifPresent(content -> all.addAll(examples(response.code(), content)));
        }
        return all;
    }

    /**
     * The response example {@code name}; an error listing the names there are if it is missing.
     *
     * @param name the example's key in the spec; the first match over all statuses
     * @return the example
     * @throws IllegalArgumentException when there is no response example of that name, listing the names there are
     */
    public NamedExample responseExample(String name) {
        return find(responseExamples(), name);
    }

    /**
     * The declared status keys ({@code 200}, {@code 4XX}, {@code default}) in the spec's order.
     *
     * @return the keys as written; unmodifiable
     */
    public List<String> declaredStatuses() {
        return operation.responses().stream().map(ResponseDefinition::code).toList();
    }

    /**
     * The first JSON content with a schema among the declared 4xx responses: the shape Paynet gives every error
     * ("any other status").
     *
     * @return the first 4xx response's JSON content that has a schema, or empty when there is none
     */
    public Optional<Content> errorContent() {
        return operation.responses().stream()
                .filter(response -> response.code().startsWith("4"))
                .flatMap(response -> jsonContent(response.contents()).stream())
                .filter(content -> content.validator().isPresent())
                .findFirst();
    }

    /**
     * The name of the response example whose value equals {@code body}, to tell a reader which one was served.
     *
     * @param body a response body as JSON; not null
     * @return the first response example equal to it, or empty
     */
    public Optional<NamedExample> exampleEqualTo(JsonNode body) {
        return responseExamples().stream().filter(example -> example.value().equals(body)).findFirst();
    }

    /**
     * Every rule of the spec that the response of {@code exchange} breaks: the status must be declared, its
     * {@code Content-Type} must be one the spec declares for that status, and the body must validate against that
     * response's schema. Empty when the answer conforms.
     *
     * @param exchange the request sent to this operation and its answer; not null
     * @return the first rule that is broken (a declared status; no body where the spec declares none; the rest named
     *         above), or every schema violation of the body; empty when none is
     */
    public List<RuleViolation> violations(Exchange exchange) {
        Exchange.WireResponse response = exchange.answer();
        Optional<ResponseDefinition> declaredResponse = operation.responseFor(response.status());
        if (declaredResponse.isEmpty()) {
            return List.of(new RuleViolation("the status is one the spec declares for " + method() + " " + path(),
                    "got " + response.status() + "; declared: " + String.join(", ", declaredStatuses())));
        }
        String key = declaredResponse.get().code();
        List<Content> contents = declaredResponse.get().contents();
        if (contents.isEmpty()) {
            return response.body().isEmpty() ? List.of() : List.of(new RuleViolation(
                    "response " + key + " has no body in the spec", "got " + response.body().length() + " chars"));
        }
        Optional<MediaType> received = response.contentType().flatMap(MediaType::parse);
        Optional<Content> declared = received.flatMap(type -> contents.stream()
                .filter(content -> content.type().map(type::matches).orElse(false)).findFirst());
        if (declared.isEmpty()) {
            return List.of(new RuleViolation("the Content-Type is one the spec declares for response " + key,
                    "got " + response.contentType().orElse("no Content-Type") + "; declared: "
                            + String.join(", ", contents.stream().map(Content::mediaType).toList())));
        }
        return bodyViolations("response " + key + " " + declared.get().mediaType(), declared.get(), response);
    }

    /**
     * Every rule the JSON body breaks of {@code content}'s schema; {@code subject} says whose schema it is in
     * messages, e.g. "response 400 application/json". Also used for statuses the spec does not declare but whose
     * shape it states.
     *
     * @param subject  whose schema it is, for the rule's wording; not null
     * @param content  the declared content whose schema the body must satisfy; not null
     * @param response the answer whose body is checked; not null
     * @return one violation per schema error, or one saying the body is empty or not JSON; empty when the body
     *         conforms or {@code content} has no schema
     */
    public List<RuleViolation> bodyViolations(String subject, Content content, Exchange.WireResponse response) {
        String rule = "the body validates against the schema of " + subject;
        if (content.validator().isEmpty()) {
            return List.of();
        }
        Optional<JsonNode> body = response.json();
        if (body.isEmpty()) {
            return List.of(new RuleViolation(rule, response.body().isEmpty() ? "the body is empty"
                    : "the body is not JSON"));
        }
        List<RuleViolation> broken = new ArrayList<>();
        for (SchemaViolation violation : content.validator().get().validate(body.get())) {
            broken.add(new RuleViolation(rule + " (" + content.schemaName().orElse("inline schema") + ", keyword `"
                    + violation.keyword() + "`)", violation + servedExample(body.get())));
        }
        return broken;
    }

    private String servedExample(JsonNode body) {
        return exampleEqualTo(body).map(example -> "; the body is the spec's example `" + example.name()
                + "` of response " + example.status() + ", which breaks its own schema").orElse("");
    }

    /**
     * Every way in which {@code body} breaks the JSON request body schema; empty when it conforms.
     *
     * @param body a request body as JSON; not null
     * @return the schema violations; empty also when the operation has no JSON request body with a schema
     */
    public List<SchemaViolation> requestViolations(JsonNode body) {
        return operation.requestBody().flatMap(request -> jsonContent(request.contents()))
                .flatMap(Content::validator).map(validator -> validator.validate(body)).orElse(List.of());
    }

    /**
     * The media type of a {@code Content-Type} value, lower case, without parameters.
     *
     * @param contentType a {@code Content-Type} header value, e.g. {@code application/json; charset=utf-8}; not null
     * @return the part before any {@code ;}, stripped and in lower case, e.g. {@code application/json}
     */
    public static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    // The suite speaks JSON: the first JSON media type (application/json or a +json one) of a body.
    private static Optional<Content> jsonContent(List<Content> contents) {
        return contents.stream().filter(Content::isJson).findFirst();
    }

    private static List<NamedExample> examples(String status, Content content) {
        List<NamedExample> examples = new ArrayList<>();
        for (Example example : content.examples()) {
            example.value().ifPresent(value -> examples.add(new NamedExample(status, example.key(), value)));
        }
        return examples;
    }

    private static NamedExample find(List<NamedExample> examples, String name) {
        return examples.stream().filter(example -> example.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No example " + name + "; the spec has "
                        + examples.stream().map(NamedExample::name).toList()));
    }
}
