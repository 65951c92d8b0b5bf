package io.github.paynetsavecard.mock.engine;

/** How bad a violation is, named as Prism writes it in {@code sl-violations}. */
enum Severity {
    Error,
    Warning
}
