package io.github.paynetsavecard.spec.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paynetsavecard.spec.OpenApiDocument;
import io.github.paynetsavecard.spec.SchemaValidator;
import io.github.paynetsavecard.spec.SchemaViolation;
import io.github.paynetsavecard.spec.index.References;
import io.github.paynetsavecard.spec.index.SpecIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks what an OpenAPI parser lets through but the tools built on the spec rely on: every operation has an
 * {@code operationId} (the generated client names its methods after them), and every example matches its schema
 * (the mock answers with the examples, and the client's tests decode them).
 *
 * <p>Examples checked: named {@code examples} and single {@code example}s of media types, parameters and headers,
 * in paths and in {@code components}, and the {@code example} of every schema, however deeply nested. An example
 * used through {@code $ref} is checked where it is used, against the schema that applies there.
 *
 * <pre>{@code
 * LintReport report = SpecLint.check(ApiSpec.load(Path.of("api-spec/openapi.yaml")));
 * if (!report.passed()) {
 *     System.err.println(report.render());
 * }
 * }</pre>
 */
public final class SpecLint {
    private final JsonNode root;
    private final References references;
    private final SchemaValidator validator;
    private final List<SpecProblem> problems = new ArrayList<>();
    private int operations;
    private int examplesChecked;

    private SpecLint(OpenApiDocument document) {
        this.root = document.tree();
        this.references = new References(root);
        this.validator = SchemaValidator.of(document);
    }

    /** Checks {@code document}; never throws for problems in it, which are all in the report. */
    public static LintReport check(OpenApiDocument document) {
        Objects.requireNonNull(document, "document == null");
        SpecLint lint = new SpecLint(document);
        lint.paths(lint.root.path("paths"));
        lint.components(lint.root.path("components"));
        return new LintReport(document.source(), lint.operations, lint.examplesChecked, lint.problems);
    }

    private void paths(JsonNode paths) {
        paths.fields().forEachRemaining(path -> {
            String location = "paths." + path.getKey();
            parameters(location + ".parameters", path.getValue().path("parameters"));
            path.getValue().fields().forEachRemaining(entry -> {
                if (SpecIndex.METHODS.contains(entry.getKey())) {
                    operation(location + "." + entry.getKey(), entry.getValue());
                }
            });
        });
    }

    private void operation(String location, JsonNode operation) {
        operations++;
        String operationId = operation.path("operationId").asText("");
        if (operationId.isBlank()) {
            // Uniqueness needs no check here: swagger-parser already refuses a repeated operationId.
            problem(location, "has no operationId; add one that is unique in the document "
                    + "(the generated client names its method after it)");
        }
        hostedPage(location, operation);
        parameters(location + ".parameters", operation.path("parameters"));
        JsonNode requestBody = operation.path("requestBody");
        if (!isRef(requestBody)) {
            content(location + ".requestBody.content", requestBody.path("content"));
        }
        operation.path("responses").fields().forEachRemaining(response -> {
            if (!isRef(response.getValue())) {
                response(location + ".responses." + response.getKey(), response.getValue());
            }
        });
    }

    // Parameters, headers and components given by $ref are checked once, where they are defined.
    // The mock and the conformance suite find the hosted-page branch's examples by these names.
    private void hostedPage(String location, JsonNode operation) {
        JsonNode hostedPage = operation.path("x-paynet-hosted-page");
        if (hostedPage.isMissingNode()) {
            return;
        }
        String requestExample = hostedPage.path("requestExample").asText("");
        JsonNode requestBody = resolve(location + ".requestBody", operation.path("requestBody"));
        if (requestBody != null && !hasExample(requestBody.path("content"), requestExample)) {
            problem(location + ".x-paynet-hosted-page.requestExample",
                    "names the request example '" + requestExample + "', which the request body does not have");
        }
        String responseExample = hostedPage.path("responseExample").asText("");
        boolean found = false;
        for (var responses = operation.path("responses").fields(); responses.hasNext() && !found; ) {
            var entry = responses.next();
            JsonNode response = entry.getKey().startsWith("2") ? resolve(location, entry.getValue()) : null;
            found = response != null && hasExample(response.path("content"), responseExample);
        }
        if (!found) {
            problem(location + ".x-paynet-hosted-page.responseExample",
                    "names the response example '" + responseExample + "', which no 2xx response has");
        }
    }

    private boolean hasExample(JsonNode content, String name) {
        for (JsonNode media : content) {
            if (!name.isEmpty() && media.path("examples").has(name)) {
                return true;
            }
        }
        return false;
    }

    private void parameters(String location, JsonNode parameters) {
        for (JsonNode parameter : parameters) {
            if (!isRef(parameter)) {
                exampleHolder(location + "." + parameter.path("name").asText("?"), parameter);
            }
        }
    }

    private void response(String location, JsonNode response) {
        response.path("headers").fields().forEachRemaining(header -> {
            if (!isRef(header.getValue())) {
                exampleHolder(location + ".headers." + header.getKey(), header.getValue());
            }
        });
        content(location + ".content", response.path("content"));
    }

    private void content(String location, JsonNode content) {
        content.fields().forEachRemaining(media -> exampleHolder(location + "." + media.getKey(), media.getValue()));
    }

    /** A media type, parameter or header: a schema with an {@code example} or named {@code examples}. */
    private void exampleHolder(String location, JsonNode holder) {
        content(location + ".content", holder.path("content"));
        JsonNode schema = holder.get("schema");
        if (schema == null) {
            return; // nothing to validate the examples against
        }
        schema(location + ".schema", schema);
        if (holder.has("example")) {
            example(location + ".example", schema, holder.get("example"));
        }
        holder.path("examples").fields().forEachRemaining(named -> {
            String exampleLocation = location + ".examples." + named.getKey();
            JsonNode example = resolve(exampleLocation, named.getValue());
            if (example != null && example.has("value")) {
                example(exampleLocation, schema, example.get("value"));
            }
        });
    }

    /** A schema and every schema inside it that is written in place, for their {@code example}s. */
    private void schema(String location, JsonNode schema) {
        if (!schema.isObject() || isRef(schema)) {
            return;
        }
        if (schema.has("example")) {
            example(location + ".example", schema, schema.get("example"));
        }
        schema.path("properties").fields().forEachRemaining(
                property -> schema(location + ".properties." + property.getKey(), property.getValue()));
        schema(location + ".items", schema.path("items"));
        schema(location + ".additionalProperties", schema.path("additionalProperties"));
        schema(location + ".not", schema.path("not"));
        for (String composition : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode parts = schema.path(composition);
            for (int i = 0; i < parts.size(); i++) {
                schema(location + "." + composition + "[" + i + "]", parts.get(i));
            }
        }
    }

    private void components(JsonNode components) {
        components.path("schemas").fields().forEachRemaining(
                schema -> schema("components.schemas." + schema.getKey(), schema.getValue()));
        components.path("responses").fields().forEachRemaining(
                response -> response("components.responses." + response.getKey(), response.getValue()));
        components.path("parameters").fields().forEachRemaining(
                parameter -> exampleHolder("components.parameters." + parameter.getKey(), parameter.getValue()));
        components.path("headers").fields().forEachRemaining(
                header -> exampleHolder("components.headers." + header.getKey(), header.getValue()));
        components.path("requestBodies").fields().forEachRemaining(
                body -> content("components.requestBodies." + body.getKey() + ".content", body.getValue().path("content")));
    }

    private void example(String location, JsonNode schema, JsonNode value) {
        examplesChecked++;
        for (SchemaViolation violation : validator.validate(schema, value)) {
            problem(location, violation.toString());
        }
    }

    /** The node itself, or the node its local {@code $ref} points to; null (and a problem) when it points nowhere. */
    private JsonNode resolve(String location, JsonNode node) {
        if (!isRef(node)) {
            return node;
        }
        JsonNode target = references.resolve(node);
        if (target.isMissingNode()) {
            problem(location, "$ref '" + node.get("$ref").asText() + "' does not point to anything in this document");
            return null;
        }
        return target;
    }

    private static boolean isRef(JsonNode node) {
        return node.has("$ref");
    }

    private void problem(String location, String message) {
        problems.add(new SpecProblem(location, message));
    }
}
