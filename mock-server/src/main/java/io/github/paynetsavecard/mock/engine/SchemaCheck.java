package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paynetsavecard.spec.SchemaValidator.CompiledSchema;
import io.github.paynetsavecard.spec.SchemaViolation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the schema validator's findings into Prism-shaped violations under a prefix such as {@code body}. */
final class SchemaCheck {
    private SchemaCheck() {
    }

    /**
     * The violations of {@code value} against {@code schema}, located under {@code prefix} and worded like Prism's
     * ("Request body property user_gsm must match pattern ...").
     *
     * @param side {@code Request} or {@code Response}
     */
    static List<Violation> check(CompiledSchema schema, JsonNode value, String prefix, String side) {
        List<SchemaViolation> found;
        try {
            found = schema.validate(value);
        } catch (RuntimeException | StackOverflowError unvalidatable) {
            return List.of(Violation.schema(List.of(prefix), "type",
                    side + " " + prefix + " could not be validated: " + unvalidatable.getClass().getSimpleName()));
        }
        List<Violation> violations = new ArrayList<>(found.size());
        for (SchemaViolation violation : inAjvOrder(found, 0)) {
            List<String> path = new ArrayList<>();
            path.add(prefix);
            path.addAll(violation.path());
            String where = violation.path().isEmpty() ? ""
                    : ("body".equals(prefix) ? "property " : "parameter ") + String.join(".", violation.path()) + " ";
            violations.add(Violation.schema(path, violation.keyword(),
                    side + " " + prefix + " " + where + violation.message()));
        }
        return violations;
    }

    // AJV reports an object's own failures (required, type, ...) before those inside its properties; the
    // validator here may interleave them. Siblings keep the validator's order, which follows the schema.
    private static List<SchemaViolation> inAjvOrder(List<SchemaViolation> violations, int depth) {
        List<SchemaViolation> ordered = new ArrayList<>(violations.size());
        Map<String, List<SchemaViolation>> nested = new LinkedHashMap<>();
        for (SchemaViolation violation : violations) {
            if (violation.path().size() <= depth) {
                ordered.add(violation);
            } else {
                nested.computeIfAbsent(violation.path().get(depth), key -> new ArrayList<>()).add(violation);
            }
        }
        nested.values().forEach(group -> ordered.addAll(inAjvOrder(group, depth + 1)));
        return ordered;
    }
}
