package io.github.paynetsavecard.mock.engine;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the client asked for with {@code Prefer} (or the {@code __} query parameters).
 *
 * @param code    {@code code=NNN}: the status to answer with
 * @param example {@code example=NAME}: the named example to answer with
 * @param dynamic {@code dynamic=true|false}: generate the body from the schema instead of using an example
 * @param seed    {@code seed=...}: makes dynamic bodies repeatable
 */
record Preferences(OptionalInt code, Optional<String> example, boolean dynamic, Optional<String> seed) {
    /** No preference at all. */
    public static final Preferences NONE = new Preferences(OptionalInt.empty(), Optional.empty(), false,
            Optional.empty());

    public Preferences {
        Objects.requireNonNull(code, "code == null");
        Objects.requireNonNull(example, "example == null");
        Objects.requireNonNull(seed, "seed == null");
    }

    /** These preferences with another code and example, where given. */
    public Preferences overriddenBy(OptionalInt newCode, Optional<String> newExample) {
        return new Preferences(newCode.isPresent() ? newCode : code, newExample.or(() -> example), dynamic, seed);
    }
}
