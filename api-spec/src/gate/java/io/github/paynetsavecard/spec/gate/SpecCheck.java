package io.github.paynetsavecard.spec.gate;

import io.github.paynetsavecard.spec.ApiSpec;
import io.github.paynetsavecard.spec.InvalidSpecException;
import io.github.paynetsavecard.spec.lint.LintReport;
import io.github.paynetsavecard.spec.lint.SpecLint;
import java.nio.file.Path;

/**
 * The spec check of api-spec's build (exec-maven-plugin, {@code process-classes}): the spec parses and is valid
 * OpenAPI, and passes {@link SpecLint} (operationIds, every example against its schema). Everything found is
 * reported at once, in words. The breaking-change gate is {@link SpecGate}, run later by generated-client's build.
 */
public final class SpecCheck {
    private SpecCheck() {
    }

    /** Argument: the spec file. Fails with the whole report when a check fails. */
    public static void main(String[] args) {
        if (args.length != 1) {
            throw new GateFailure("SpecCheck takes one argument, the spec file; it was given " + args.length);
        }
        Outcome outcome = run(Path.of(args[0]));
        if (!outcome.passed()) {
            throw new GateFailure(outcome.report());
        }
        System.out.println(outcome.report());
    }

    /** Whether the checks passed, and the report to show either way. */
    record Outcome(boolean passed, String report) {
    }

    static Outcome run(Path specFile) {
        Path spec = Path.of(GateFiles.shown(specFile));
        try {
            LintReport lint = SpecLint.check(ApiSpec.load(spec));
            return lint.passed() ? new Outcome(true, lint.render())
                    : new Outcome(false, "The spec check failed." + System.lineSeparator() + lint.render());
        } catch (InvalidSpecException e) {
            return new Outcome(false, "The spec check failed." + System.lineSeparator() + e.getMessage());
        }
    }
}
