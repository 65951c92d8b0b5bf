package io.github.paynetsavecard.spec.gate;

import io.swagger.v3.oas.models.media.Schema;
import java.util.Optional;

/**
 * Judges an object schema that is closed ({@code additionalProperties: false}) or opened. openapi-diff compares
 * {@code additionalProperties} only when it is a schema, so closing a request object was reported as "No API
 * changes". Closing narrows: requests with properties the spec does not list are now refused. Opening widens: a
 * response may now carry properties a client built from the baseline does not expect.
 */
final class ClosedObjectRule {
    private ClosedObjectRule() {
    }

    static Optional<Judgement> judge(Schema<?> before, Schema<?> after, Direction direction) {
        if (!SchemaPairs.isObject(before) || !SchemaPairs.isObject(after)) {
            return Optional.empty();
        }
        boolean closedBefore = Boolean.FALSE.equals(before.getAdditionalProperties());
        boolean closedAfter = Boolean.FALSE.equals(after.getAdditionalProperties());
        if (closedBefore == closedAfter) {
            return Optional.empty();
        }
        return Optional.of(closedAfter
                ? new Judgement(direction.verdictOf(true),
                        "closed (additionalProperties: false): properties the spec does not list are refused")
                : new Judgement(direction.verdictOf(false),
                        "opened: properties the spec does not list are now allowed"));
    }
}
