package io.github.paynetsavecard.spec.gate;

import io.swagger.v3.oas.models.media.Schema;
import java.util.Objects;
import java.util.Optional;

/**
 * Judges a change of {@code type} or {@code format}, wherever the schema is, including a property of a
 * {@code $ref}'d component, where openapi-diff 2.1.7 reports nothing at all (OpenAPITools/openapi-diff#910). This rule
 * therefore owns type changes: the collector of openapi-diff's results leaves them out, so none is counted twice.
 *
 * <p>Widening is compatible on the request side ({@code integer} to {@code number}, a dropped {@code format}, a
 * dropped {@code type}), narrowing on the response side (the reverse); anything else is breaking.
 */
final class PropertyTypeRule {
    private PropertyTypeRule() {
    }

    static Optional<Judgement> judge(Schema<?> before, Schema<?> after, Direction direction) {
        String typeBefore = SchemaPairs.type(before);
        String typeAfter = SchemaPairs.type(after);
        if (!Objects.equals(typeBefore, typeAfter)) {
            String words = "type changed from " + shown(typeBefore) + " to " + shown(typeAfter);
            Optional<Boolean> narrows = typeAfter == null ? Optional.of(false)
                    : typeBefore == null ? Optional.of(true)
                    : "integer".equals(typeBefore) && "number".equals(typeAfter) ? Optional.of(false)
                    : "number".equals(typeBefore) && "integer".equals(typeAfter) ? Optional.of(true)
                    : Optional.empty();
            return Optional.of(new Judgement(narrows.map(direction::verdictOf).orElse(Verdict.WIRE), words));
        }
        String formatBefore = before.getFormat();
        String formatAfter = after.getFormat();
        if (Objects.equals(formatBefore, formatAfter)) {
            return Optional.empty();
        }
        String words = formatBefore == null ? "format " + formatAfter + " added"
                : formatAfter == null ? "format " + formatBefore + " removed"
                : "format changed from " + formatBefore + " to " + formatAfter;
        Verdict verdict = formatBefore == null ? direction.verdictOf(true)
                : formatAfter == null ? direction.verdictOf(false) : Verdict.WIRE;
        return Optional.of(new Judgement(verdict, words));
    }

    private static String shown(String type) {
        return type == null ? "any type" : type;
    }
}
