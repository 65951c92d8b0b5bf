package io.github.paynetsavecard.spec.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Judges a change of {@code enum}. openapi-diff reads a schema without {@code enum} as an empty list, so a new
 * {@code enum} on a request field counts as "values added" (compatible), and dropping the {@code enum} of a request
 * field as "values removed" (breaking): both are the wrong way round, as no {@code enum} means any value.
 */
final class EnumRule {
    private EnumRule() {
    }

    static Optional<Judgement> judge(List<?> before, List<?> after, Direction direction) {
        if (Objects.equals(before, after) || (isEmpty(before) && isEmpty(after))) {
            return Optional.empty();
        }
        if (isEmpty(before)) {
            return Optional.of(new Judgement(direction.verdictOf(true), "now limited to the values " + after));
        }
        if (isEmpty(after)) {
            return Optional.of(new Judgement(direction.verdictOf(false),
                    "no longer limited to the values " + before));
        }
        List<Object> added = new ArrayList<>(after);
        added.removeAll(before);
        List<Object> removed = new ArrayList<>(before);
        removed.removeAll(after);
        if (added.isEmpty() && removed.isEmpty()) {
            return Optional.of(new Judgement(Verdict.COMPATIBLE, "values reordered"));
        }
        boolean breaks = direction == Direction.REQUEST ? !removed.isEmpty() : !added.isEmpty();
        String words = (added.isEmpty() ? "" : "new values " + added)
                + (added.isEmpty() || removed.isEmpty() ? "" : ", ")
                + (removed.isEmpty() ? "" : "values " + removed + " removed");
        return Optional.of(new Judgement(breaks ? Verdict.WIRE : Verdict.COMPATIBLE, words));
    }

    private static boolean isEmpty(List<?> values) {
        return values == null || values.isEmpty();
    }
}
