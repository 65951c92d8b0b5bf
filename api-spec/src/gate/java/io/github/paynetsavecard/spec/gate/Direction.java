package io.github.paynetsavecard.spec.gate;

import org.openapitools.openapidiff.core.model.DiffContext;

/** Which way a schema is read on the wire: a request the client sends, or a response it reads. */
enum Direction {
    /** Sent by the client: narrowing what the server accepts breaks clients. */
    REQUEST,
    /** Read by the client: widening what the server may send breaks clients. */
    RESPONSE;

    static Direction of(DiffContext context) {
        return context != null && context.isRequest() ? REQUEST : RESPONSE;
    }

    /** The verdict of a change that narrows ({@code narrows == true}) or widens what is valid on this side. */
    Verdict verdictOf(boolean narrows) {
        return (this == REQUEST) == narrows ? Verdict.WIRE : Verdict.COMPATIBLE;
    }
}
