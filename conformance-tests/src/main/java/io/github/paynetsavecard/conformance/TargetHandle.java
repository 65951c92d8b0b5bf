package io.github.paynetsavecard.conformance;

/**
 * A target named in a check's parameters; {@link #acquire()} starts it on first use. Its {@code toString()} is the
 * name, which JUnit shows as the invocation's display name and the report uses as the target column.
 */
record TargetHandle(String name, TargetPool pool) {
    Target acquire() {
        return pool.acquire(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
