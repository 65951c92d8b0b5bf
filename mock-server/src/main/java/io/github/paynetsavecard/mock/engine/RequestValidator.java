package io.github.paynetsavecard.mock.engine;

import io.github.paynetsavecard.spec.index.MediaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.paynetsavecard.spec.SchemaValidator.CompiledSchema;
import io.github.paynetsavecard.spec.index.Content;
import io.github.paynetsavecard.spec.index.Operation;
import io.github.paynetsavecard.spec.index.RequestBodyDefinition;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Validates a routed request as Prism does, collecting every violation: security first, then the body (presence,
 * content type, schema), the headers, the query and the path parameters.
 */
final class RequestValidator {
    private static final String SIDE = "Request";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String MULTIPART = "multipart/form-data";

    private RequestValidator() {
    }

    /** Every violation of {@code request} against {@code operation}; empty when it is valid. */
    public static List<Violation> validate(Operation operation, MockRequest request, RequestBody body,
                                           Map<String, String> pathParameters, ValidationSchemas schemas) {
        List<Violation> violations = new ArrayList<>();
        SecurityCheck.check(operation.security(), request).ifPresent(violations::add);
        violations.addAll(checkBody(operation.requestBody(), request, body, schemas));
        violations.addAll(ParameterCheck.check(operation.headers(), schemas, request.headers(), SIDE));
        violations.addAll(ParameterCheck.check(operation.query(), schemas, request.query(), SIDE));
        Map<String, List<String>> pathValues = new LinkedHashMap<>();
        pathParameters.forEach((name, value) -> pathValues.put(name, List.of(value)));
        violations.addAll(ParameterCheck.check(operation.pathParameters(), schemas, pathValues, SIDE));
        return List.copyOf(violations);
    }

    // Prism: a required body must be present (and truthy, in JavaScript's sense); a non-empty body must have a
    // content type the operation accepts; then the body is validated against that content's schema.
    private static List<Violation> checkBody(Optional<RequestBodyDefinition> definition, MockRequest request,
                                             RequestBody body, ValidationSchemas schemas) {
        Optional<JsonNode> value = valueOf(body);
        boolean missing = value.filter(RequestValidator::truthy).isEmpty();
        if (definition.isPresent() && definition.get().required() && missing) {
            return List.of(Violation.missingBody());
        }
        Optional<String> contentType = request.header("Content-Type");
        Optional<MediaType> mediaType = contentType.flatMap(MediaType::parse);
        boolean accepted = definition.isPresent() && accepts(definition.get(), contentType, mediaType);
        if (request.body().length > 0 && !accepted) {
            boolean declared = definition.isPresent() && !definition.get().contents().isEmpty();
            return List.of(Violation.contentType(declared
                    ? "Supported content types: " + definition.get().contents().stream().map(Content::mediaType)
                            .collect(Collectors.joining(","))
                    : "No supported content types, but request included a non-empty body"));
        }
        if (definition.isEmpty() || value.isEmpty() || value.get().isNull()) {
            return List.of();
        }
        Optional<Content> content = MediaType.contentFor(definition.get().contents(), mediaType);
        Optional<CompiledSchema> schema = content.flatMap(schemas::body);
        String essence = mediaType.map(MediaType::essence).orElse("");
        if (schema.isEmpty() || essence.equals(MULTIPART)) {
            return List.of();
        }
        JsonNode checked = essence.equals(FORM) && value.get().isTextual()
                ? formFields(value.get().textValue(), content.get().schema().map(AllOfMerge::merged))
                : value.get();
        return SchemaCheck.check(schema.get(), checked, "body", SIDE);
    }

    // Prism's form-body reading: name=value pairs (a repeated name keeps its last value), `+` as a space, then
    // percent-decoding (an undecodable pair is kept as sent); only the schema's properties are kept, and each
    // value is coerced to its property's type, as AJV's coerceTypes does.
    private static JsonNode formFields(String body, Optional<JsonNode> schema) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : body.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            pairs.put(decoded(name), decoded(value.replace("+", "%20")));
        }
        JsonNode properties = schema.map(s -> s.path("properties")).orElse(MissingNode.getInstance());
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        pairs.forEach((name, value) -> {
            if (!properties.isObject()) {
                fields.put(name, value);
            } else if (properties.has(name)) {
                fields.set(name, ParameterCheck.coerce(value, StaticSampler.inferType(properties.get(name))));
            }
        });
        return fields;
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException undecodable) {
            return text;
        }
    }

    private static boolean accepts(RequestBodyDefinition definition, Optional<String> contentType,
                                   Optional<MediaType> mediaType) {
        if (contentType.isEmpty()) {
            return true;
        }
        if (mediaType.isEmpty()) {
            return false; // Prism crashes on an unparsable Content-Type; we call it unsupported
        }
        return definition.contents().stream()
                .anyMatch(content -> content.type().map(mediaType.get()::matches).orElse(true));
    }


    private static Optional<JsonNode> valueOf(RequestBody body) {
        if (body instanceof RequestBody.Json json) {
            return Optional.of(json.value());
        }
        if (body instanceof RequestBody.Text text) {
            return Optional.of(TextNode.valueOf(text.value()));
        }
        return Optional.empty();
    }

    // JavaScript's truthiness, which Prism's `!body` applies to the parsed body.
    private static boolean truthy(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        return true;
    }
}
