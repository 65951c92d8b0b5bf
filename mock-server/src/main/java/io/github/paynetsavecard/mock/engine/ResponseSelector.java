package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.spec.index.Content;
import io.github.paynetsavecard.spec.index.Example;
import io.github.paynetsavecard.spec.index.Operation;
import io.github.paynetsavecard.spec.index.ResponseDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Chooses the response, as Prism's negotiator ({@code NegotiatorHelpers.ts}) does.
 *
 * <p>Valid request: the forced {@code code} (exact, else its {@code nXX} range, else {@code default}, else 404
 * {@code NOT_FOUND}), or the lowest 2xx, else {@code default}, else the first declared response. Then the media
 * type: the best match for {@code Accept} (none: 406 {@code NOT_ACCEPTABLE}, unless {@code *}{@code /*} was
 * accepted or the status is 204, which give an empty body), or without {@code Accept} the {@code *}{@code /*} or
 * JSON content. Then the body: the named example (unknown: 404 {@code NOT_FOUND}), else a dynamic body, else the
 * first example, else one generated from the schema. When a forced code cannot be negotiated, Prism starts again
 * as if no code was forced.
 *
 * <p>Invalid request: 401 for a security violation; 415, 422, 400 for a content-type violation; 422, 400 for
 * anything else; each also via {@code nXX} and {@code default}. The first media type with examples gives the body
 * (the {@code Prefer} example only when the forced code is one of these), else the first with a schema. With no
 * such response, Prism's own 401, 415 or 422 problem.
 */
final class ResponseSelector {
    private static final Pattern RANGE = Pattern.compile("^\\dXX$");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ResponseSelector() {
    }

    /** The response for a valid request with these preferences and {@code Accept} ranges (empty: no header). */
    public static Selection forValidRequest(Operation operation, Preferences preferences,
                                            Optional<List<String>> accept) {
        if (preferences.code().isPresent()) {
            int code = preferences.code().getAsInt();
            Optional<ResponseDefinition> forced = byStatus(operation.responses(), code)
                    .or(() -> defaultResponse(operation.responses(), code));
            if (forced.isEmpty()) {
                return failed(ProblemType.NOT_FOUND, "Requested status code " + code
                        + " is not defined in the document.");
            }
            Selection selection = negotiate(operation, forced.get(), preferences, accept);
            if (selection instanceof Selection.Chosen) {
                return selection;
            }
            // Prism retries without the forced code; where it would then answer 500 with both errors, we answer
            // with the retry's own problem.
        }
        Optional<ResponseDefinition> response = lowest2xx(operation.responses())
                .or(() -> defaultResponse(operation.responses(), 200))
                .or(() -> operation.responses().stream().findFirst().map(ResponseSelector::normalized));
        if (response.isEmpty()) {
            return failed(ProblemType.NO_RESPONSE_DEFINED, "");
        }
        return negotiate(operation, response.get(), preferences, accept);
    }

    /** The response for a request with {@code violations} (at least one error). */
    public static Selection forInvalidRequest(Operation operation, List<Violation> violations,
                                              Preferences preferences) {
        List<Integer> expected = expectedCodes(violations);
        Optional<String> exampleKey = preferences.code().isPresent()
                && expected.contains(preferences.code().getAsInt()) ? preferences.example() : Optional.empty();
        Optional<ResponseDefinition> found = Optional.empty();
        for (int code : expected) {
            found = byStatus(operation.responses(), code);
            if (found.isPresent()) {
                break;
            }
        }
        found = found.or(() -> defaultResponse(operation.responses(), expected.get(0)));
        if (found.isEmpty()) {
            return new Selection.Failed(problemFor(violations));
        }
        ResponseDefinition response = found.get();
        int status = Integer.parseInt(response.code());
        Optional<Content> withExamples = response.firstContentWithExamples();
        if (withExamples.isPresent()) {
            Content content = withExamples.get();
            Optional<Example> example = exampleKey.isPresent() ? content.example(exampleKey.get())
                    : content.firstExample();
            if (example.isEmpty()) {
                return failed(ProblemType.NOT_FOUND, "Response for contentType: " + content.mediaType()
                        + " and exampleKey: " + exampleKey.orElse("") + " does not exist.");
            }
            return new Selection.Chosen(status, response, Optional.of(content.mediaType()), body(example.get(),
                    content));
        }
        Optional<Content> withSchema = response.contents().stream().filter(c -> c.schema().isPresent()).findFirst();
        if (withSchema.isPresent()) {
            return new Selection.Chosen(status, response, Optional.of(withSchema.get().mediaType()),
                    new BodyChoice.FromSchema(withSchema.get().schema().get()));
        }
        return new Selection.Chosen(status, response, Optional.empty(), new BodyChoice.Empty());
    }

    /** Prism's {@code getExpectedCodesForViolations}. */
    static List<Integer> expectedCodes(List<Violation> violations) {
        if (violations.stream().anyMatch(Violation::isSecurity)) {
            return List.of(401);
        }
        if (violations.stream().anyMatch(Violation::isContentType)) {
            return List.of(415, 422, 400);
        }
        return List.of(422, 400);
    }

    private static Problem problemFor(List<Violation> violations) {
        Optional<Violation> security = violations.stream().filter(Violation::isSecurity).findFirst();
        if (security.isPresent()) {
            Map<String, String> headers = new LinkedHashMap<>();
            Map<String, JsonNode> extra = new LinkedHashMap<>();
            if (!security.get().challenges().isEmpty()) {
                String challenge = String.join(",", security.get().challenges());
                headers.put("WWW-Authenticate", challenge);
                // Prism echoes the headers into the problem body as well.
                ObjectNode echoed = JSON.objectNode().put("WWW-Authenticate", challenge);
                extra.put("headers", echoed);
            }
            return new Problem(ProblemType.UNAUTHORIZED, "Your request does not fullfil the security requirements "
                    + "and no HTTP unauthorized response was found in the spec, so Prism is generating this error "
                    + "for you.", extra, headers);
        }
        Optional<Violation> contentType = violations.stream().filter(Violation::isContentType).findFirst();
        if (contentType.isPresent()) {
            return Problem.of(ProblemType.INVALID_CONTENT_TYPE, contentType.get().message());
        }
        var validation = JSON.arrayNode();
        for (Violation violation : violations) {
            ObjectNode item = validation.addObject();
            violation.path().ifPresent(path -> path.forEach(item.putArray("location")::add));
            item.put("severity", violation.severity().name());
            violation.code().ifPresent(code -> item.set("code", code));
            item.put("message", violation.message());
        }
        return new Problem(ProblemType.UNPROCESSABLE_ENTITY, "Your request is not valid and no HTTP validation "
                + "response was found in the spec, so Prism is generating this error for you.",
                Map.of("validation", validation), Map.of());
    }

    private static Selection negotiate(Operation operation, ResponseDefinition response, Preferences preferences,
                                       Optional<List<String>> accept) {
        int status = Integer.parseInt(response.code());
        if (operation.method().equals("head")) {
            return new Selection.Chosen(status, response, Optional.empty(), new BodyChoice.Empty());
        }
        if (accept.isEmpty()) {
            Optional<Content> content = response.contents().stream().filter(c -> c.mediaType().equals("*/*"))
                    .findFirst()
                    .or(() -> AcceptNegotiation.bestWithoutAccept(response.contents()));
            if (content.isEmpty()) {
                return new Selection.Chosen(status, response, Optional.of("text/plain"), new BodyChoice.Empty());
            }
            return withBody(status, response, content.get(), content.get().mediaType(), preferences);
        }
        Optional<Content> content = AcceptNegotiation.best(response.contents(), accept.get());
        if (content.isEmpty()) {
            if (response.contents().isEmpty() || status == 204
                    || accept.get().stream().anyMatch(range -> range.contains("*/*"))) {
                return new Selection.Chosen(status, response, Optional.empty(), new BodyChoice.Empty());
            }
            return failed(ProblemType.NOT_ACCEPTABLE, "Unable to find content for " + String.join(",", accept.get()));
        }
        String mediaType = content.get().mediaType().equals("*/*") ? "text/plain" : content.get().mediaType();
        return withBody(status, response, content.get(), mediaType, preferences);
    }

    private static Selection withBody(int status, ResponseDefinition response, Content content, String mediaType,
                                      Preferences preferences) {
        if (preferences.example().isPresent()) {
            Optional<Example> example = content.example(preferences.example().get());
            if (example.isEmpty()) {
                return failed(ProblemType.NOT_FOUND, "Response for contentType: " + content.mediaType()
                        + " and exampleKey: " + preferences.example().get() + " does not exist.");
            }
            return new Selection.Chosen(status, response, Optional.of(mediaType), body(example.get(), content));
        }
        if (preferences.dynamic() && content.schema().isPresent()) {
            return new Selection.Chosen(status, response, Optional.of(mediaType),
                    new BodyChoice.FromSchema(content.schema().get()));
        }
        Optional<Example> first = content.firstExample();
        if (first.isPresent()) {
            return new Selection.Chosen(status, response, Optional.of(mediaType), body(first.get(), content));
        }
        return new Selection.Chosen(status, response, Optional.of(mediaType), content.schema()
                .<BodyChoice>map(BodyChoice.FromSchema::new).orElseGet(BodyChoice.Empty::new));
    }

    // An example without a value (only an externalValue) falls back to the schema, as in Prism.
    private static BodyChoice body(Example example, Content content) {
        if (example.value().isPresent()) {
            return new BodyChoice.FromExample(example.value().get());
        }
        return content.schema().<BodyChoice>map(BodyChoice.FromSchema::new).orElseGet(BodyChoice.Empty::new);
    }

    private static Optional<ResponseDefinition> byStatus(List<ResponseDefinition> responses, int status) {
        String code = String.valueOf(status);
        return responses.stream().filter(r -> r.code().toLowerCase(java.util.Locale.ROOT).equals(code)).findFirst()
                .or(() -> responses.stream().filter(r -> r.code().equals(code.charAt(0) + "XX")).findFirst()
                        .map(r -> r.withCode(code)));
    }

    private static Optional<ResponseDefinition> defaultResponse(List<ResponseDefinition> responses, int status) {
        return responses.stream().filter(r -> r.code().equals("default")).findFirst()
                .map(r -> r.withCode(String.valueOf(status)));
    }

    // The first of the lowest codes that are 2 then two digits or XX, as a stable sort by code would give.
    private static Optional<ResponseDefinition> lowest2xx(List<ResponseDefinition> responses) {
        ResponseDefinition lowest = null;
        for (ResponseDefinition response : responses) {
            if (isTwoXx(response.code()) && (lowest == null || response.code().compareTo(lowest.code()) < 0)) {
                lowest = response;
            }
        }
        return Optional.ofNullable(lowest).map(ResponseSelector::normalized);
    }

    private static boolean isTwoXx(String code) {
        if (code.length() != 3 || code.charAt(0) != '2') {
            return false;
        }
        char second = code.charAt(1);
        char third = code.charAt(2);
        return (isDigit(second) && isDigit(third)) || (second == 'X' && third == 'X');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static ResponseDefinition normalized(ResponseDefinition response) {
        return RANGE.matcher(response.code()).matches() ? response.withCode(response.code().charAt(0) + "00")
                : response;
    }

    private static Selection failed(ProblemType type, String detail) {
        return new Selection.Failed(Problem.of(type, detail));
    }
}
