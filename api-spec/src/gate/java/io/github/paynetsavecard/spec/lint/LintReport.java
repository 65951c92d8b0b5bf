package io.github.paynetsavecard.spec.lint;

import java.util.List;
import java.util.Objects;

/**
 * What {@link SpecLint} found in one document.
 *
 * @param source           the document that was checked (a file path or a classpath location)
 * @param operations       how many operations were checked for an {@code operationId}
 * @param examplesChecked  how many examples were validated against their schemas
 * @param problems         everything wrong, in document order; empty when the document passes
 */
public record LintReport(String source, int operations, int examplesChecked, List<SpecProblem> problems) {
    public LintReport {
        Objects.requireNonNull(source, "source == null");
        problems = List.copyOf(problems);
    }

    /** Whether the document has no problems. */
    public boolean passed() {
        return problems.isEmpty();
    }

    /** The report as lines a person reads in a build log: a summary, then one line per problem. */
    public String render() {
        if (passed()) {
            return source + ": " + operations + " operations have an operationId, " + examplesChecked
                    + " examples match their schemas.";
        }
        StringBuilder text = new StringBuilder(source).append(": ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems").append(':');
        for (SpecProblem problem : problems) {
            text.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return text.toString();
    }
}
