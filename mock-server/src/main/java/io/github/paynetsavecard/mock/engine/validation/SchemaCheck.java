package io.github.paynetsavecard.mock.engine.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paynetsavecard.spec.SchemaValidator.CompiledSchema;
import io.github.paynetsavecard.spec.SchemaViolation;
import java.util.ArrayList;
import java.util.List;

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
        for (SchemaViolation violation : found) {
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
}
