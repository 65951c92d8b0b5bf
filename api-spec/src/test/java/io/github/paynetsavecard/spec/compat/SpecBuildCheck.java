package io.github.paynetsavecard.spec.compat;

import io.github.paynetsavecard.spec.ApiSpec;
import io.github.paynetsavecard.spec.InvalidSpecException;
import io.github.paynetsavecard.spec.OpenApiDocument;
import io.github.paynetsavecard.spec.lint.LintReport;
import io.github.paynetsavecard.spec.lint.SpecLint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The spec checks the api-spec build runs (exec-maven-plugin, before the tests): the spec parses and is valid
 * OpenAPI, passes {@link SpecLint} (operationIds, examples against their schemas), and breaks nothing against the
 * baseline. Everything found is reported at once, in words, so that the Maven log says what broke.
 *
 * <p>It lives with the tests because openapi-diff is a test dependency: see {@link CompatibilityCheck}.
 */
public final class SpecBuildCheck {
    private SpecBuildCheck() {
    }

    /** Arguments: the spec file, then the baseline file. Fails with the full report when a check fails. */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("Expected two arguments: the spec file and the baseline file");
        }
        Outcome outcome = run(Path.of(args[0]), Path.of(args[1]));
        if (!outcome.passed()) {
            throw new SpecCheckFailedException(outcome.report());
        }
        System.out.println(outcome.report());
    }

    /** The result of all checks: whether they passed, and the report to show either way. */
    record Outcome(boolean passed, String report) {
    }

    static Outcome run(Path specFile, Path baselineFile) {
        Path spec = Path.of(CompatibilityCheck.shown(specFile));
        Path baseline = Path.of(CompatibilityCheck.shown(baselineFile));
        OpenApiDocument document;
        try {
            document = ApiSpec.load(spec);
        } catch (InvalidSpecException e) {
            return failed(List.of(e.getMessage()));
        }
        List<String> sections = new ArrayList<>();
        boolean passed = true;

        LintReport lint = SpecLint.check(document);
        sections.add(lint.render());
        passed &= lint.passed();

        if (!Files.exists(baseline)) {
            sections.add("No baseline at " + baseline + " to check for breaking changes. Make the current spec the "
                    + "baseline with: " + CompatibilityReport.ACCEPT_COMMAND);
            passed = false;
        } else {
            try {
                CompatibilityReport compatibility = CompatibilityCheck.compare(baseline, spec);
                sections.add(compatibility.render());
                passed &= !compatibility.incompatible();
            } catch (InvalidSpecException e) {
                sections.add("The baseline cannot be read. " + e.getMessage());
                passed = false;
            }
        }
        return passed ? new Outcome(true, String.join(System.lineSeparator(), sections)) : failed(sections);
    }

    private static Outcome failed(List<String> sections) {
        return new Outcome(false, "The spec check failed." + System.lineSeparator()
                + String.join(System.lineSeparator(), sections));
    }

    /** Thrown to fail the build; its message is the whole report. */
    static final class SpecCheckFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SpecCheckFailedException(String report) {
            super(report, null, false, false);
        }
    }
}
