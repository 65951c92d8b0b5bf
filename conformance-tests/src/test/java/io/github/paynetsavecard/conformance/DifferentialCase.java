package io.github.paynetsavecard.conformance;

import io.github.paynetsavecard.conformance.differential.ResponseComparison;
import io.github.paynetsavecard.conformance.wire.RawRequest;
import java.util.Objects;

/**
 * One request of the differential test, sent alike to our mock and to Prism.
 *
 * @param name    what the request is, e.g. "Prefer: code=400"; the report's check detail
 * @param request the request, byte for byte
 * @param body    how the answers' bodies are compared
 * @param repeat  whether each server must also give the same answer twice ({@code seed=} makes dynamic answers
 *                repeatable)
 */
record DifferentialCase(String name, RawRequest request, ResponseComparison.Body body, boolean repeat) {
    DifferentialCase {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(body, "body == null");
    }

    static DifferentialCase exact(String name, RawRequest request) {
        return new DifferentialCase(name, request, ResponseComparison.Body.EXACT, false);
    }

    static DifferentialCase seeded(String name, RawRequest request) {
        return new DifferentialCase(name, request, ResponseComparison.Body.SHAPE, true);
    }

    @Override
    public String toString() {
        return name;
    }
}
