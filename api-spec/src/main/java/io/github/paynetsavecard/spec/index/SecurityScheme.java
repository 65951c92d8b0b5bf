package io.github.paynetsavecard.spec.index;

import java.util.Objects;

/**
 * A security scheme as far as a presence check needs it.
 *
 * @param type      {@code apiKey}, {@code http}, {@code oauth2}, {@code openIdConnect} or another type
 * @param scheme    for {@code http}: {@code basic}, {@code bearer}, {@code digest}, ... (lower case); else empty
 * @param in        for {@code apiKey}: {@code header}, {@code query} or {@code cookie}; else empty
 * @param paramName for {@code apiKey}: the header, query parameter or cookie name; else empty
 */
public record SecurityScheme(String type, String scheme, String in, String paramName) {
    /**
     * Checks the components: no component may be null.
     *
     * @param type      the scheme's type; not null
     * @param scheme    the {@code http} scheme in lower case, or empty; not null
     * @param in        where an {@code apiKey} goes, or empty; not null
     * @param paramName the {@code apiKey}'s name, or empty; not null
     */
    public SecurityScheme {
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(scheme, "scheme == null");
        Objects.requireNonNull(in, "in == null");
        Objects.requireNonNull(paramName, "paramName == null");
    }
}
