package io.github.paynetsavecard.conformance;

import io.github.paynetsavecard.conformance.report.ConformanceReport;
import io.github.paynetsavecard.conformance.report.ReportRow;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.opentest4j.TestAbortedException;

/**
 * Turns every finished check into a row of the run's {@link ConformanceReport} and writes the report after each
 * test class, so the file is complete whichever class runs last.
 *
 * <p>A check is a parameterised test: its display name is the check, and each invocation is named
 * {@code "<target>"} or {@code "<target> | <detail>"} (see {@code @ParameterizedTest(name = ...)}).
 */
final class ConformanceReporting implements TestWatcher, AfterAllCallback {
    static final String SEPARATOR = " | ";
    // JUnit's wording in front of every Assumptions message; the report shows the reason alone.
    private static final String ASSUMPTION_PREFIX = "Assumption failed: ";

    @Override
    public void testSuccessful(ExtensionContext context) {
        add(context, ReportRow.Result.PASS, "");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        add(context, ReportRow.Result.FAIL, reason(cause));
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        add(context, ReportRow.Result.SKIPPED, reason(cause));
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        add(context, ReportRow.Result.SKIPPED, reason.orElse("disabled"));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TargetPool pool = TargetPool.of(context);
        ConformanceReport report = report(context);
        report.fact("spec", pool.settings().spec().toAbsolutePath().normalize().toString());
        report.fact("targets", String.join(", ", pool.settings().targets()));
        report.writeTo(pool.settings().report());
    }

    static ConformanceReport report(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(ConformanceReporting.class))
                .getOrComputeIfAbsent(ConformanceReport.class,
                        key -> new ConformanceReport("Conformance of targets to the save_card spec"),
                        ConformanceReport.class);
    }

    private static void add(ExtensionContext context, ReportRow.Result result, String reason) {
        String invocation = context.getDisplayName();
        String check = context.getParent().map(ExtensionContext::getDisplayName).orElse(invocation);
        String target = invocation;
        int separator = invocation.indexOf(SEPARATOR);
        if (separator >= 0) {
            target = invocation.substring(0, separator);
            check = check + " — " + invocation.substring(separator + SEPARATOR.length());
        }
        if (context.getParent().isEmpty() || context.getParent().get().getTestMethod().isEmpty()) {
            // A plain test, not run per target: a check of the suite itself.
            check = invocation;
            target = "(suite)";
        }
        report(context).add(new ReportRow(check, target, result, reason));
    }

    private static String reason(Throwable cause) {
        String message = cause.getMessage();
        if (message != null && message.startsWith(ASSUMPTION_PREFIX)) {
            message = message.substring(ASSUMPTION_PREFIX.length());
        }
        if (cause instanceof AssertionError || cause instanceof TestAbortedException) {
            return message == null ? cause.getClass().getSimpleName() : message;
        }
        return cause.getClass().getName() + ": " + message;
    }
}
