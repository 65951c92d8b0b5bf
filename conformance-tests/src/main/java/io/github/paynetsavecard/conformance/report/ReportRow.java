package io.github.paynetsavecard.conformance.report;

import io.github.paynetsavecard.conformance.wire.Exchange;
import java.util.Objects;

/**
 * The result of one check against one target. The check and the reason pass through the project's redaction
 * policy ({@link Exchange#REDACTION}) whatever wrote them, so a report never shows a key, a full phone number, a full
 * session id or a card description.
 *
 * @param check  what was checked, e.g. "missing session_id is rejected with a 4xx"
 * @param target the target's name, e.g. {@code prism}
 * @param result pass, fail or skipped
 * @param reason why it failed or was skipped (may span lines: the rule broken, the request, the response); empty
 *               for a pass
 */
public record ReportRow(String check, String target, Result result, String reason) {
    /**
     * Checks the components: no component may be null; text that is shown is redacted.
     *
     * @param check  what was checked; not null, redacted
     * @param target the target's name; not null
     * @param result pass, fail or skipped; not null
     * @param reason why it failed or was skipped; null is taken as empty, redacted
     */
    public ReportRow {
        check = Exchange.REDACTION.text(Objects.requireNonNull(check, "check == null"));
        Objects.requireNonNull(target, "target == null");
        Objects.requireNonNull(result, "result == null");
        reason = reason == null ? "" : Exchange.REDACTION.text(reason);
    }

    /** How a check ended. */
    public enum Result {
        /** The target did what the spec says. */
        PASS("pass"),
        /** The target broke a rule; the reason says which. */
        FAIL("FAIL"),
        /** The check does not apply to the target, or it could not run; the reason says why. */
        SKIPPED("skipped");

        private final String label;

        Result(String label) {
            this.label = label;
        }

        /**
         * The word the report shows for this result.
         *
         * @return {@code pass}, {@code FAIL} or {@code skipped}
         */
        public String label() {
            return label;
        }
    }

    /**
     * The first line of the reason: what the table shows.
     *
     * @return the first line of the reason (leading and trailing blanks stripped), cut to 300 characters and
     *         {@code ...}; empty for a pass
     */
    public String summary() {
        String firstLine = reason.strip().lines().findFirst().orElse("");
        return firstLine.length() > 300 ? firstLine.substring(0, 300) + "..." : firstLine;
    }
}
