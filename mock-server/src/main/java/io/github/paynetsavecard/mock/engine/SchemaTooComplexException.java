package io.github.paynetsavecard.mock.engine;

/** The schema needs more steps to sample than Prism allows (2500); Prism answers 500 {@code SCHEMA_TOO_COMPLEX}. */
final class SchemaTooComplexException extends RuntimeException {
    SchemaTooComplexException(int ticks) {
        super("Schema size exceeded: over " + ticks + " steps");
    }
}
