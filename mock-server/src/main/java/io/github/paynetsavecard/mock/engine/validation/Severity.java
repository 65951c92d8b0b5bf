package io.github.paynetsavecard.mock.engine.validation;

/** How bad a violation is, named as Prism writes it in {@code sl-violations}. */
public enum Severity {
    Error,
    Warning
}
