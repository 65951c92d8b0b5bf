package io.github.paynetsavecard.mock.engine;

import io.github.paynetsavecard.spec.index.MediaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.paynetsavecard.spec.index.Content;
import io.github.paynetsavecard.spec.index.Operation;
import io.github.paynetsavecard.spec.index.RequestBodyDefinition;
import java.util.ArrayList;
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

    private RequestValidator() {
    }

    /** Every violation of {@code request} against {@code operation}; empty when it is valid. */
    public static List<Violation> validate(Operation operation, MockRequest request, RequestBody body,
                                           Map<String, String> pathParameters) {
        List<Violation> violations = new ArrayList<>();
        SecurityCheck.check(operation.security(), request).ifPresent(violations::add);
        violations.addAll(checkBody(operation.requestBody(), request, body));
        violations.addAll(ParameterCheck.check(operation.headers(),
                ParameterCheck.caseInsensitive(request.headers()), SIDE));
        violations.addAll(ParameterCheck.check(operation.query(), request.query()::get, SIDE));
        violations.addAll(ParameterCheck.check(operation.pathParameters(),
                name -> Optional.ofNullable(pathParameters.get(name)).map(List::of).orElse(List.of()), SIDE));
        return List.copyOf(violations);
    }

    // Prism: a required body must be present (and truthy, in JavaScript's sense); a non-empty body must have a
    // content type the operation accepts; then the body is validated against that content's schema.
    private static List<Violation> checkBody(Optional<RequestBodyDefinition> definition, MockRequest request,
                                             RequestBody body) {
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
        if (content.isEmpty() || content.get().validator().isEmpty()) {
            return List.of();
        }
        return SchemaCheck.check(content.get().validator().get(), value.get(), "body", SIDE);
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
