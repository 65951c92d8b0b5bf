package io.github.paynetsavecard.spec.gate;

import java.util.Objects;

/**
 * One difference between the baseline spec and the spec, as one line of the report.
 *
 * @param verdict     what it means for clients built from the baseline
 * @param place       where in the spec, e.g. {@code POST /v1/paynetj/save_card request body (application/json)} or
 *                    {@code schema SaveCardResponse}
 * @param description what changed there, in words a merchant reads, e.g. {@code card_desc is now required}
 * @param subject     the spec element it is about, e.g. {@code schema SaveCardResponse.object_name}, so that the wire
 *                    change and the client-API change of one edit become one line; empty when it stands alone
 */
record Change(Verdict verdict, String place, String description, String subject) {
    Change {
        Objects.requireNonNull(verdict, "verdict == null");
        Objects.requireNonNull(place, "place == null");
        Objects.requireNonNull(description, "description == null");
        Objects.requireNonNull(subject, "subject == null");
    }

    Change(Verdict verdict, String place, String description) {
        this(verdict, place, description, "");
    }

    Change withVerdict(Verdict newVerdict) {
        return new Change(newVerdict, place, description, subject);
    }

    /** The report line: the verdict's label, the place, what changed. */
    @Override
    public String toString() {
        return verdict.label() + "  " + place + ": " + description;
    }
}
