package io.github.paynetsavecard.mock.engine;

import io.github.paynetsavecard.spec.index.MediaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.paynetsavecard.spec.index.Content;
import io.github.paynetsavecard.spec.index.Operation;
import io.github.paynetsavecard.spec.index.ResponseDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Validates the engine's own answer against the operation, as Prism does before sending it: the status must be
 * declared, the media type must be one the response declares, the body must match its schema, and the declared
 * headers must be right. Findings go into {@code sl-violations}; they never change the answer.
 */
final class ResponseValidator {
    private static final String SIDE = "Response";

    private ResponseValidator() {
    }

    /**
     * Every violation of an answer with {@code status}, {@code headers} and {@code body} (empty for none).
     */
    public static List<Violation> validate(Operation operation, int status, Map<String, String> headers,
                                           Optional<JsonNode> body, ValidationSchemas schemas) {
        Optional<ResponseDefinition> declared = declaredFor(operation.responses(), status);
        if (declared.isEmpty()) {
            String codes = operation.responses().stream().map(ResponseDefinition::code)
                    .collect(Collectors.joining(","));
            return List.of(Violation.plain(status >= 200 && status < 300 ? Severity.Error : Severity.Warning,
                    "Unable to match the returned status code with those defined in the document: " + codes));
        }
        ResponseDefinition response = declared.get();
        Map<String, List<String>> values = listValues(headers);
        Optional<String> contentType = contentType(values);
        Optional<MediaType> mediaType = contentType.flatMap(MediaType::parse);
        List<Violation> violations = new ArrayList<>();
        if (!response.contents().isEmpty() && matching(response.contents(), mediaType).isEmpty()) {
            violations.add(Violation.plain(Severity.Error, "The received media type \"" + contentType.orElse("")
                    + "\" does not match the one" + (response.contents().size() > 1 ? "s" : "")
                    + " specified in the current response: " + response.contents().stream()
                    .map(Content::mediaType).collect(Collectors.joining(", "))));
        }
        if (body.isPresent()) {
            MediaType.contentFor(response.contents(), mediaType).flatMap(schemas::body)
                    .ifPresent(schema -> violations.addAll(SchemaCheck.check(schema, body.get(), "body", SIDE)));
        }
        violations.addAll(ParameterCheck.check(response.headerCheck(), schemas, values, SIDE));
        return List.copyOf(violations);
    }

    /**
     * The declared content whose schema the body of an answer with {@code status} and {@code headers} is checked
     * against: the response {@link #declaredFor} that status, and its content for the {@code Content-Type} header
     * (any case, the first), else its first. What {@link #validate} checks, for callers that check part of a body.
     */
    static Optional<Content> bodyContent(Operation operation, int status, Map<String, String> headers) {
        return declaredFor(operation.responses(), status).flatMap(response -> MediaType.contentFor(
                response.contents(), contentType(listValues(headers)).flatMap(MediaType::parse)));
    }

    private static Optional<String> contentType(Map<String, List<String>> headers) {
        return ParameterCheck.caseInsensitive(headers).apply("content-type").stream().findFirst();
    }

    /** Prism's {@code findOperationResponse}: the exact code, else the narrowest {@code nXX} range, else default. */
    public static Optional<ResponseDefinition> declaredFor(List<ResponseDefinition> responses, int status) {
        String code = String.valueOf(status);
        return responses.stream()
                .filter(response -> response.code().equals("default") || covers(response.code(), code))
                .min(Comparator.comparingInt(ResponseValidator::rank));
    }

    /** {@code 200} covers 200, {@code 2XX} (or {@code 2xx}) covers 200 to 299; per answer, so without a regex. */
    static boolean covers(String declared, String code) {
        if (declared.length() != code.length()) {
            return false;
        }
        for (int i = 0; i < declared.length(); i++) {
            char wanted = declared.charAt(i);
            char given = code.charAt(i);
            boolean wildcard = wanted == 'X' || wanted == 'x';
            if (wildcard ? given < '0' || given > '9' : wanted != given) {
                return false;
            }
        }
        return true;
    }

    private static int rank(ResponseDefinition response) {
        if (response.code().equals("default")) {
            return Integer.MAX_VALUE;
        }
        return (int) response.code().chars().filter(c -> c == 'X' || c == 'x').count();
    }

    // Prism's validateMediaType: type and subtype match (wildcards allowed) and the declared parameters are present.
    private static Optional<Content> matching(List<Content> contents, Optional<MediaType> mediaType) {
        if (mediaType.isEmpty()) {
            return Optional.empty();
        }
        return contents.stream().filter(content -> content.type()
                .filter(declared -> mediaType.get().matches(declared)
                        && mediaType.get().parameters().entrySet().containsAll(declared.parameters().entrySet()))
                .isPresent()).findFirst();
    }


    private static Map<String, List<String>> listValues(Map<String, String> headers) {
        return headers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
