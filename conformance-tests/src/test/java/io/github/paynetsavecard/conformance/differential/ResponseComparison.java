package io.github.paynetsavecard.conformance.differential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.paynetsavecard.conformance.contract.OperationContract;
import io.github.paynetsavecard.conformance.wire.Exchange;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares our mock's answer with Prism's answer to the same request, the way issue 3 defines "the same":
 * <ul>
 *   <li>the status;</li>
 *   <li>the {@code Content-Type}: media type and {@code charset}, case-insensitively;</li>
 *   <li>the body: JSON-equal; for {@code application/problem+json} the same fields, the same {@code type} and
 *       {@code status}, and the same {@code validation} entries by location, severity and code (titles, details
 *       and messages are wording); with {@link Body#SHAPE}
 *       (dynamic generation) the same fields with the same JSON types, where {@code null} matches any type
 *       because a nullable field may be generated either way;</li>
 *   <li>the {@code sl-violations} header: the same entries by location, severity and code, as many of each
 *       (messages are wording);</li>
 *   <li>the {@code WWW-Authenticate} challenge of a 401;</li>
 *   <li>optionally the CORS headers ({@code Access-Control-Allow-*}).</li>
 * </ul>
 */
public final class ResponseComparison {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";
    private static final List<String> CORS_HEADERS = List.of("Access-Control-Allow-Origin",
            "Access-Control-Allow-Methods", "Access-Control-Allow-Headers", "Access-Control-Allow-Credentials");

    /** How bodies are compared. */
    public enum Body {
        /** JSON-equal (problem+json: type, status, validation). */
        EXACT,
        /** The same fields with the same JSON types: for {@code Prefer: dynamic=true}, whose values are random. */
        SHAPE
    }

    private ResponseComparison() {
    }

    /** Every way {@code ours} differs from {@code prism}; empty when they agree. Each line names the aspect. */
    public static List<String> differences(Exchange.WireResponse ours, Exchange.WireResponse prism, Body body,
                                           boolean compareCors) {
        List<String> differences = new ArrayList<>();
        if (ours.status() != prism.status()) {
            differences.add("status: ours " + ours.status() + ", Prism " + prism.status());
        }
        String ourType = contentType(ours);
        String prismType = contentType(prism);
        if (!ourType.equals(prismType)) {
            differences.add("Content-Type: ours " + show(ours.contentType()) + ", Prism " + show(prism.contentType()));
        }
        differences.addAll(bodyDifferences(ours, prism, body));
        List<String> ourViolations = violations(ours);
        List<String> prismViolations = violations(prism);
        if (!ourViolations.equals(prismViolations)) {
            differences.add("sl-violations (location severity code): ours " + ourViolations + ", Prism "
                    + prismViolations);
        }
        Optional<String> ourChallenge = ours.header("WWW-Authenticate");
        Optional<String> prismChallenge = prism.header("WWW-Authenticate");
        if (!ourChallenge.equals(prismChallenge)) {
            differences.add("WWW-Authenticate: ours " + show(ourChallenge) + ", Prism " + show(prismChallenge));
        }
        if (compareCors) {
            for (String header : CORS_HEADERS) {
                Optional<String> ourValue = ours.header(header);
                Optional<String> prismValue = prism.header(header);
                if (!ourValue.equals(prismValue)) {
                    differences.add(header + ": ours " + show(ourValue) + ", Prism " + show(prismValue));
                }
            }
        }
        return differences;
    }

    private static List<String> bodyDifferences(Exchange.WireResponse ours, Exchange.WireResponse prism, Body rule) {
        Optional<JsonNode> ourJson = ours.json();
        Optional<JsonNode> prismJson = prism.json();
        if (ourJson.isEmpty() || prismJson.isEmpty()) {
            if (ourJson.isPresent() != prismJson.isPresent() || !ours.body().strip().equals(prism.body().strip())) {
                return List.of("body: ours " + excerpt(ours.body()) + ", Prism " + excerpt(prism.body()));
            }
            return List.of();
        }
        if (isProblem(ours) && isProblem(prism)) {
            return problemDifferences(ourJson.get(), prismJson.get());
        }
        if (rule == Body.SHAPE) {
            List<String> differences = new ArrayList<>();
            shapeDifferences("$", ourJson.get(), prismJson.get(), differences);
            return differences;
        }
        return ourJson.get().equals(prismJson.get()) ? List.of()
                : List.of("body: ours " + ourJson.get() + ", Prism " + prismJson.get());
    }

    private static List<String> problemDifferences(JsonNode ours, JsonNode prism) {
        List<String> differences = new ArrayList<>();
        Set<String> ourFields = fields(ours);
        Set<String> prismFields = fields(prism);
        if (!ourFields.equals(prismFields)) {
            differences.add("problem fields: ours " + ourFields + ", Prism " + prismFields);
        }
        for (String field : List.of("type", "status")) {
            if (!ours.path(field).equals(prism.path(field))) {
                differences.add("problem " + field + ": ours " + ours.path(field) + ", Prism " + prism.path(field));
            }
        }
        List<String> ourValidation = locationsAndCodes(ours.path("validation"));
        List<String> prismValidation = locationsAndCodes(prism.path("validation"));
        if (!ourValidation.equals(prismValidation)) {
            differences.add("problem validation (location severity code): ours " + ourValidation + ", Prism "
                    + prismValidation);
        }
        return differences;
    }

    private static void shapeDifferences(String where, JsonNode ours, JsonNode prism, List<String> differences) {
        if (ours.isNull() || prism.isNull()) {
            return;
        }
        if (ours.getNodeType() != prism.getNodeType()
                || (ours.isNumber() && ours.isIntegralNumber() != prism.isIntegralNumber())) {
            differences.add("body shape at " + where + ": ours " + kind(ours) + ", Prism " + kind(prism));
            return;
        }
        if (ours.isObject()) {
            Set<String> ourFields = fields(ours);
            Set<String> prismFields = fields(prism);
            if (!ourFields.equals(prismFields)) {
                differences.add("body fields at " + where + ": ours " + ourFields + ", Prism " + prismFields);
            }
            ourFields.stream().filter(prismFields::contains)
                    .forEach(field -> shapeDifferences(where + "." + field, ours.get(field), prism.get(field),
                            differences));
        } else if (ours.isArray() && !ours.isEmpty() && !prism.isEmpty()) {
            shapeDifferences(where + "[0]", ours.get(0), prism.get(0), differences);
        }
    }

    private static List<String> violations(Exchange.WireResponse response) {
        Optional<String> header = response.header("sl-violations");
        if (header.isEmpty()) {
            return List.of();
        }
        try {
            return locationsAndCodes(JSON.readTree(header.get()));
        } catch (JsonProcessingException e) {
            return List.of("(not JSON: " + excerpt(header.get()) + ")");
        }
    }

    /**
     * Each violation as {@code location} joined with dots, its severity, then {@code code} as text (Prism mixes
     * numbers and strings), sorted; a violation listed twice counts twice.
     */
    private static List<String> locationsAndCodes(JsonNode violations) {
        List<String> entries = new ArrayList<>();
        for (JsonNode violation : violations) {
            List<String> location = new ArrayList<>();
            violation.path("location").forEach(segment -> location.add(segment.asText()));
            entries.add(String.join(".", location) + " " + violation.path("severity").asText() + " "
                    + violation.path("code").asText());
        }
        entries.sort(null);
        return List.copyOf(entries);
    }

    private static boolean isProblem(Exchange.WireResponse response) {
        return response.contentType().map(OperationContract::mediaType).orElse("").equals(PROBLEM);
    }

    /** Media type plus charset, lower case: {@code application/json; charset=utf-8}. */
    static String contentType(Exchange.WireResponse response) {
        if (response.contentType().isEmpty()) {
            return "";
        }
        String value = response.contentType().get().toLowerCase(Locale.ROOT);
        String mediaType = OperationContract.mediaType(value);
        for (String parameter : value.split(";")) {
            String trimmed = parameter.strip().replace("\"", "");
            if (trimmed.startsWith("charset=")) {
                return mediaType + "; " + trimmed;
            }
        }
        return mediaType;
    }

    private static Set<String> fields(JsonNode object) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static String kind(JsonNode node) {
        return node.isNumber() ? (node.isIntegralNumber() ? "integer" : "number")
                : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String show(Optional<String> value) {
        return value.map(v -> "`" + v + "`").orElse("(absent)");
    }

    private static String excerpt(String body) {
        String oneLine = body.replace("\n", " ");
        return oneLine.isEmpty() ? "(empty)" : "`" + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "..."
                : oneLine) + "`";
    }
}
