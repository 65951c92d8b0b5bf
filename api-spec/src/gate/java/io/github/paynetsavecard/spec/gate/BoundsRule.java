package io.github.paynetsavecard.spec.gate;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Judges a change of a bound: {@code minLength}/{@code maxLength}, {@code minItems}/{@code maxItems},
 * {@code minProperties}/{@code maxProperties} and {@code minimum}/{@code maximum} (with their exclusive flags).
 * Raising a lower bound, lowering an upper bound or adding a bound narrows what is valid: that breaks requests, and
 * is harmless in responses; widening is the reverse.
 *
 * <p>openapi-diff 2.1.7 gets several of these wrong: by default a raised request {@code minLength} is compatible and
 * a response {@code minLength} is judged like a request one (OpenAPITools/openapi-diff#461), any change of
 * {@code minProperties}/{@code maxProperties} is breaking (#479), a widened response range is compatible, and numbers
 * are compared by their unscaled digits, so that {@code 1.5} counts as more than {@code 2}.
 */
final class BoundsRule {
    private BoundsRule() {
    }

    /** A lower bound such as {@code minLength} or {@code minimum}; {@code exclusive} flags may be null. */
    static Optional<Judgement> lower(String name, Number before, Number after, Boolean exclusiveBefore,
                                     Boolean exclusiveAfter, Direction direction) {
        return judge(name, decimal(before), decimal(after), Boolean.TRUE.equals(exclusiveBefore),
                Boolean.TRUE.equals(exclusiveAfter), direction, true);
    }

    /** An upper bound such as {@code maxLength} or {@code maximum}; {@code exclusive} flags may be null. */
    static Optional<Judgement> upper(String name, Number before, Number after, Boolean exclusiveBefore,
                                     Boolean exclusiveAfter, Direction direction) {
        return judge(name, decimal(before), decimal(after), Boolean.TRUE.equals(exclusiveBefore),
                Boolean.TRUE.equals(exclusiveAfter), direction, false);
    }

    private static Optional<Judgement> judge(String name, BigDecimal before, BigDecimal after, boolean exclusiveBefore,
                                             boolean exclusiveAfter, Direction direction, boolean lower) {
        boolean sameValue = before == null ? after == null : after != null && before.compareTo(after) == 0;
        if (sameValue && (before == null || exclusiveBefore == exclusiveAfter)) {
            return Optional.empty();
        }
        boolean narrows;
        String words;
        if (before == null) {
            narrows = true;
            words = name + " " + shown(after, exclusiveAfter) + " added";
        } else if (after == null) {
            narrows = false;
            words = name + " " + shown(before, exclusiveBefore) + " removed";
        } else {
            int order = after.compareTo(before);
            narrows = order == 0 ? exclusiveAfter : lower == order > 0;
            boolean raised = order == 0 ? exclusiveAfter == lower : order > 0;
            words = name + (raised ? " raised" : " lowered") + " from " + shown(before, exclusiveBefore) + " to "
                    + shown(after, exclusiveAfter);
        }
        return Optional.of(new Judgement(direction.verdictOf(narrows), words));
    }

    private static String shown(BigDecimal value, boolean exclusive) {
        return value.stripTrailingZeros().toPlainString() + (exclusive ? " (exclusive)" : "");
    }

    private static BigDecimal decimal(Number number) {
        if (number == null) {
            return null;
        }
        return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
    }
}
