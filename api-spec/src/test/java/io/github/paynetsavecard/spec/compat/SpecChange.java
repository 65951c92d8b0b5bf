package io.github.paynetsavecard.spec.compat;

import java.util.Objects;

/**
 * One difference between the baseline spec and the current one.
 *
 * @param impact      what it means for clients built from the baseline
 * @param location    where, e.g. {@code POST /v1/paynetj/save_card request body (application/json)}
 * @param description what changed there, e.g. {@code card_desc is now required}
 */
record SpecChange(Impact impact, String location, String description) {
    /** What a change means for clients built from the baseline. */
    enum Impact {
        /** Clients built from the baseline may fail. */
        BREAKING("BREAKING  "),
        /** Clients built from the baseline keep working. */
        COMPATIBLE("compatible"),
        /** Only descriptions, summaries or examples changed. */
        DOCUMENTATION("docs only ");

        private final String label;

        Impact(String label) {
            this.label = label;
        }
    }

    SpecChange {
        Objects.requireNonNull(impact, "impact == null");
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(description, "description == null");
    }

    @Override
    public String toString() {
        return impact.label + "  " + location + ": " + description;
    }
}
