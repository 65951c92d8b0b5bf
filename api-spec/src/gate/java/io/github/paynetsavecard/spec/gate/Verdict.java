package io.github.paynetsavecard.spec.gate;

/** What one change means, in the order the report lists them. The label is the first word of its line. */
enum Verdict {
    /** A client built from the baseline, or a request that was valid, fails against a server of the new spec. */
    WIRE("BREAKING (wire)"),
    /** Code compiled against the client generated from the baseline no longer compiles or links. */
    CLIENT_API("BREAKING (client API)"),
    /** Nothing that worked stops working (this includes changes to descriptions and examples only). */
    COMPATIBLE("compatible");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    boolean breaking() {
        return this != COMPATIBLE;
    }

    /** The more severe of the two. */
    Verdict worst(Verdict other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
