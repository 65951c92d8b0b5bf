package io.github.paynetsavecard.spec.gate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The gate's outcome: both verdicts merged into one list (the wire change and the client-API change of one edit are
 * one line), and what semantic versioning asks of it. A breaking change passes only when the spec's
 * {@code info.version} and the project version reach the next breaking version after the baseline's.
 */
final class GateReport {
    /** The command that makes the current spec the new baseline; shown to the user, documented in docs/spec.md. */
    static final String ACCEPT_COMMAND = "./mvnw -q -pl api-spec -Paccept-spec-baseline process-resources";

    private final String spec;
    private final String baseline;
    private final SemanticVersion specVersion;
    private final SemanticVersion baselineVersion;
    private final SemanticVersion projectVersion;
    private final List<Change> changes;
    private final boolean identical;

    private GateReport(String spec, String baseline, SemanticVersion specVersion, SemanticVersion baselineVersion,
                       SemanticVersion projectVersion, List<Change> changes, boolean identical) {
        this.spec = spec;
        this.baseline = baseline;
        this.specVersion = specVersion;
        this.baselineVersion = baselineVersion;
        this.projectVersion = projectVersion;
        this.changes = changes;
        this.identical = identical;
    }

    /** The report when the spec is the baseline, byte for byte: nothing was compared. */
    static GateReport identical(String spec, String baseline, SemanticVersion version, SemanticVersion projectVersion) {
        return new GateReport(spec, baseline, version, version, projectVersion, List.of(), true);
    }

    /**
     * @param wire   the wire verdict's changes
     * @param client the client-API verdict's changes; each joins the wire change about the same spec element
     */
    static GateReport of(String spec, String baseline, SemanticVersion specVersion, SemanticVersion baselineVersion,
                         SemanticVersion projectVersion, List<Change> wire, List<Change> client) {
        return new GateReport(Objects.requireNonNull(spec), Objects.requireNonNull(baseline),
                Objects.requireNonNull(specVersion), Objects.requireNonNull(baselineVersion),
                Objects.requireNonNull(projectVersion), merge(wire, client), false);
    }

    static List<Change> merge(List<Change> wire, List<Change> client) {
        List<Change> merged = new ArrayList<>(wire);
        for (Change change : client) {
            Optional<Integer> same = change.subject().isEmpty() ? Optional.empty()
                    : indexOf(merged, change.subject());
            if (same.isPresent()) {
                Change first = merged.get(same.get());
                merged.set(same.get(), new Change(first.verdict().worst(change.verdict()), first.place(),
                        first.description() + "; " + change.description(), first.subject()));
            } else {
                merged.add(change);
            }
        }
        merged.sort(Comparator.comparing(Change::verdict).thenComparing(Change::place));
        return List.copyOf(merged);
    }

    private static Optional<Integer> indexOf(List<Change> changes, String subject) {
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).subject().equals(subject)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    List<Change> changes() {
        return changes;
    }

    long count(Verdict verdict) {
        return changes.stream().filter(change -> change.verdict() == verdict).count();
    }

    long breaking() {
        return count(Verdict.WIRE) + count(Verdict.CLIENT_API);
    }

    /** The lowest version these changes may be released as. */
    SemanticVersion needed() {
        return breaking() > 0 ? baselineVersion.nextBreaking() : baselineVersion.release();
    }

    boolean versionWentDown() {
        return specVersion.release().compareTo(baselineVersion.release()) < 0;
    }

    boolean passed() {
        if (versionWentDown()) {
            return false;
        }
        return breaking() == 0 || (specVersion.reaches(needed()) && projectVersion.reaches(needed()));
    }

    SemanticVersion specVersion() {
        return specVersion;
    }

    SemanticVersion baselineVersion() {
        return baselineVersion;
    }

    /** The last line: what the change requires, e.g. {@code needs 1.0.0: 2 breaking changes (1 wire, 1 client API)}. */
    String summary() {
        long breaking = breaking();
        if (identical) {
            return "No changes: the spec is the baseline (" + baselineVersion + ").";
        }
        String counted = breaking == 0
                ? count(Verdict.COMPATIBLE) + " compatible change" + plural(count(Verdict.COMPATIBLE)) + ", none breaking"
                : breaking + " breaking change" + plural(breaking) + " (" + count(Verdict.WIRE) + " wire, "
                        + count(Verdict.CLIENT_API) + " client API)";
        if (versionWentDown()) {
            return "info.version went down from " + baselineVersion + " to " + specVersion + ": " + counted;
        }
        if (breaking == 0) {
            return specVersion + " (baseline " + baselineVersion + "): " + counted;
        }
        return passed() ? specVersion + " (raised from " + baselineVersion + "): " + counted
                : "needs " + needed() + ": " + counted;
    }

    /** The report as a build prints it: a heading, one line per change, advice when it fails, the summary last. */
    String render() {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder("Breaking-change gate: ").append(spec).append(" (").append(specVersion)
                .append(") against the baseline ").append(baseline).append(" (").append(baselineVersion).append("):");
        for (Change change : changes) {
            text.append(nl).append("  ").append(change);
        }
        if (changes.isEmpty() && !identical) {
            text.append(nl).append("  No API changes (the files differ where neither the wire nor the client looks).");
        }
        if (!passed()) {
            text.append(nl).append("  ").append(advice());
        }
        return text.append(nl).append("  ").append(summary()).toString();
    }

    private String advice() {
        if (versionWentDown()) {
            return "Set info.version of " + spec + " to " + baselineVersion + " or higher.";
        }
        List<String> raise = new ArrayList<>();
        if (!specVersion.reaches(needed())) {
            raise.add("info.version of " + spec + " (now " + specVersion + ") to " + needed());
        }
        if (!projectVersion.reaches(needed())) {
            raise.add("the project version (now " + projectVersion + ") to " + needed() + "-SNAPSHOT in the poms");
        }
        return "Undo the breaking changes, or release them as " + needed() + ": raise " + String.join(" and ", raise)
                + ", then accept the baseline on release: " + ACCEPT_COMMAND;
    }

    private static String plural(long count) {
        return count == 1 ? "" : "s";
    }
}
