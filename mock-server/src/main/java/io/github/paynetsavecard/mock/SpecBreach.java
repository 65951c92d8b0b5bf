package io.github.paynetsavecard.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Why the engine refused a request for breaking the spec, read from its answer: the request's own violations in
 * {@code sl-violations} (an answer from the spec's 401/415/422/400 response), Prism's problem for a request the spec
 * has no answer for (no such path or method, invalid, unauthorized, wrong content type, unacceptable {@code Accept}),
 * or the 400 for a body that is not JSON. Not a breach: an answer a {@code Prefer} header forced, or a business
 * rejection of a valid request chosen by Paynet mode (neither has request violations), or the answer's own
 * violations of the spec ({@code location} "response"), which are the spec author's, not the client's.
 */
final class SpecBreach {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRISM_ERRORS = "https://stoplight.io/prism/errors#";
    /** Prism's problems that blame the request. */
    private static final Set<String> REQUEST_PROBLEMS = Set.of("NO_PATH_MATCHED_ERROR", "NO_METHOD_MATCHED_ERROR",
            "UNPROCESSABLE_ENTITY", "UNAUTHORIZED", "INVALID_CONTENT_TYPE", "NOT_ACCEPTABLE");
    /** The error codes of Prism's HTTP layer for a body it cannot read. */
    private static final Set<String> UNREADABLE_BODY = Set.of("invalid_json", "invalid_body");
    private static final String TRUNCATED = "Too many violations! ";

    private SpecBreach() {
    }

    /**
     * The violations, one line each ({@code request.body.user_gsm: must match pattern ...}); empty when the answer
     * does not say that the request broke the spec.
     */
    static List<String> violations(int status, Function<String, String> header, byte[] body) {
        if (status < 400 || status >= 500) {
            return List.of();
        }
        String listed = header.apply("sl-violations");
        if (listed != null) {
            return requestViolations(listed);
        }
        String type = header.apply("Content-Type");
        if (type == null || !type.startsWith("application/")) {
            return List.of();
        }
        JsonNode answer = read(body);
        String problem = answer.path("type").asText("");
        if (problem.startsWith(PRISM_ERRORS) && REQUEST_PROBLEMS.contains(problem.substring(PRISM_ERRORS.length()))) {
            List<String> lines = new ArrayList<>();
            for (JsonNode item : answer.path("validation")) {
                lines.add(line(item));
            }
            if (lines.isEmpty()) {
                lines.add(answer.path("title").asText() + ": " + answer.path("detail").asText());
            }
            return List.copyOf(lines);
        }
        JsonNode error = answer.path("error");
        if (status == 400 && UNREADABLE_BODY.contains(error.path("code").asText(""))) {
            return List.of("request.body: " + error.path("message").asText());
        }
        return List.of();
    }

    private static List<String> requestViolations(String header) {
        String list = header.startsWith(TRUNCATED) ? header.substring(TRUNCATED.length()) : header;
        JsonNode items = read(list.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (!items.isArray()) {
            return List.of("(violations cut short by the mock) " + list.substring(0, Math.min(list.length(), 500)));
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode item : items) {
            if (item.path("location").path(0).asText().equals("request")
                    && item.path("severity").asText().equals("Error")) {
                lines.add(line(item));
            }
        }
        return List.copyOf(lines);
    }

    /** {@code location} joined with dots, then the message, as Prism's CLI prints a violation. */
    private static String line(JsonNode item) {
        List<String> location = new ArrayList<>();
        item.path("location").forEach(part -> location.add(part.asText()));
        String where = location.isEmpty() ? "request" : String.join(".", location);
        return where + ": " + item.path("message").asText();
    }

    private static JsonNode read(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.missingNode() : node;
        } catch (IOException notJson) {
            return JSON.missingNode();
        }
    }
}
