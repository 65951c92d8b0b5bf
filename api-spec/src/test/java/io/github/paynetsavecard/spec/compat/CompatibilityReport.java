package io.github.paynetsavecard.spec.compat;

import io.github.paynetsavecard.spec.compat.SpecChange.Impact;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of comparing the current spec with the baseline.
 *
 * @param baseline    the baseline file, as shown to the user
 * @param current     the current spec file, as shown to the user
 * @param verdict     openapi-diff's overall verdict
 * @param changes     every change found, breaking ones first
 * @param filesDiffer whether the two files differ at all, even where openapi-diff does not look
 */
record CompatibilityReport(String baseline, String current, Verdict verdict, List<SpecChange> changes,
                           boolean filesDiffer) {
    /** openapi-diff's overall verdict. */
    enum Verdict {
        NO_CHANGES,
        COMPATIBLE,
        INCOMPATIBLE
    }

    /** The command that makes the current spec the new baseline; shown to the user, documented in docs/spec.md. */
    static final String ACCEPT_COMMAND = "./mvnw -pl api-spec -Paccept-spec-baseline process-resources";

    CompatibilityReport {
        Objects.requireNonNull(baseline, "baseline == null");
        Objects.requireNonNull(current, "current == null");
        Objects.requireNonNull(verdict, "verdict == null");
        changes = changes.stream().sorted(Comparator.comparing(SpecChange::impact)).toList();
    }

    boolean incompatible() {
        return verdict == Verdict.INCOMPATIBLE;
    }

    /** The changes with the given impact, in report order. */
    List<SpecChange> changes(Impact impact) {
        return changes.stream().filter(change -> change.impact() == impact).toList();
    }

    /** The report as lines a person reads in a build log. */
    String render() {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder("Breaking-change check of ").append(current)
                .append(" against the baseline ").append(baseline).append(':').append(nl);
        switch (verdict) {
            case NO_CHANGES -> text.append(filesDiffer
                    ? "  No API changes. (The files differ, but not in the operations or the schemas they use.)"
                    : "  No changes: the spec is the baseline.");
            case COMPATIBLE -> text.append("  COMPATIBLE: clients built from the baseline keep working. ")
                    .append(changes.size()).append(changes.size() == 1 ? " change:" : " changes:");
            case INCOMPATIBLE -> text.append("  INCOMPATIBLE: ").append(changes(Impact.BREAKING).size())
                    .append(" of ").append(changes.size())
                    .append(" changes break clients built from the baseline:");
        }
        for (SpecChange change : changes) {
            text.append(nl).append("    ").append(change);
        }
        if (incompatible()) {
            text.append(nl).append("  Undo the breaking changes, or, when releasing them on purpose (a new major version),")
                    .append(nl).append("  accept the current spec as the new baseline: ").append(ACCEPT_COMMAND);
        }
        return text.toString();
    }
}
