package io.github.paynetsavecard.spec.gate;

import java.util.Objects;
import java.util.Optional;

/**
 * Judges a change of {@code pattern} by the strings it accepts. openapi-diff flags every pattern change as breaking
 * (OpenAPITools/openapi-diff#845 only made that switchable), so a loosened request pattern failed the build. Here a
 * pattern that accepts more (or is removed) widens, one that accepts less (or is added) narrows, and one whose
 * strings cannot be compared, or that accepts some new strings and loses some old ones, is taken as breaking on both
 * sides, so that a person looks at it.
 */
final class PatternRule {
    private PatternRule() {
    }

    static Optional<Judgement> judge(String before, String after, Direction direction) {
        if (Objects.equals(before, after)) {
            return Optional.empty();
        }
        if (before == null) {
            return Optional.of(new Judgement(direction.verdictOf(true), "pattern " + after + " added"));
        }
        if (after == null) {
            return Optional.of(new Judgement(direction.verdictOf(false), "pattern " + before + " removed"));
        }
        String change = "pattern changed from " + before + " to " + after;
        Optional<RegexLanguage> old = RegexLanguage.of(before);
        Optional<RegexLanguage> neu = RegexLanguage.of(after);
        if (old.isEmpty() || neu.isEmpty()) {
            return Optional.of(new Judgement(Verdict.WIRE,
                    change + " (the gate cannot compare these patterns: check by hand)"));
        }
        boolean keepsOld = old.get().within(neu.get());
        boolean keepsNew = neu.get().within(old.get());
        if (keepsOld && keepsNew) {
            return Optional.of(new Judgement(Verdict.COMPATIBLE, change + " (the same values match)"));
        }
        if (keepsOld) {
            return Optional.of(new Judgement(direction.verdictOf(false), change + " (it accepts more values)"));
        }
        if (keepsNew) {
            return Optional.of(new Judgement(direction.verdictOf(true), change + " (it accepts fewer values)"));
        }
        return Optional.of(new Judgement(Verdict.WIRE, change + " (some values that matched no longer do)"));
    }
}
