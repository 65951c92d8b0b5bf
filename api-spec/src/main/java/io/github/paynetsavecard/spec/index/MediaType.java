package io.github.paynetsavecard.spec.index;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed media type such as {@code application/json; charset=utf-8}: type, subtype, optional structured-syntax
 * suffix, and parameters.
 *
 * @param type       the top-level type in lower case ({@code application}, or {@code *})
 * @param subtype    the subtype without its suffix, in lower case ({@code json} for {@code vnd.api+json})
 * @param fullSubtype the subtype as written, in lower case ({@code vnd.api+json})
 * @param parameters the parameters, names in lower case
 */
public record MediaType(String type, String subtype, String fullSubtype, Map<String, String> parameters) {
    /** The characters of an RFC 9110 token, besides letters and digits. */
    private static final String TOKEN_SYMBOLS = "!#$%&'*+.^_`|~-";

    /**
     * The media type of {@code text}, or empty when it is not {@code type/subtype[; params]}.
     *
     * @param text a media type as in a {@code Content-Type} header or the spec; may be null
     * @return the parsed media type, names in lower case and quotes removed from parameter values; empty for null
     *         or for text that is not {@code type/subtype} made of RFC 9110 token characters
     */
    public static Optional<MediaType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(";", -1);
        String essence = parts[0].trim().toLowerCase(Locale.ROOT);
        int slash = essence.indexOf('/');
        if (slash <= 0 || slash == essence.length() - 1) {
            return Optional.empty();
        }
        String type = essence.substring(0, slash);
        String full = essence.substring(slash + 1);
        if (!isToken(type) || !isToken(full)) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int equals = parameter.indexOf('=');
            if (equals > 0) {
                String value = parameter.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                parameters.put(parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT), value);
            }
        }
        int plus = full.lastIndexOf('+');
        String subtype = plus >= 0 ? full.substring(plus + 1) : full;
        return Optional.of(new MediaType(type, subtype, full, Map.copyOf(parameters)));
    }

    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The declared content Prism validates a body against: the first whose media type {@code mediaType} matches,
     * else the first declared one (also when there is no media type).
     *
     * @param contents  the declared contents, in spec order; not null
     * @param mediaType the request's parsed {@code Content-Type}, or empty when it has none or it does not parse
     * @return the matching content, else the first one; empty only when {@code contents} is empty
     */
    public static Optional<Content> contentFor(List<Content> contents, Optional<MediaType> mediaType) {
        if (mediaType.isPresent()) {
            for (Content content : contents) {
                if (content.type().map(mediaType.get()::matches).orElse(false)) {
                    return Optional.of(content);
                }
            }
        }
        return contents.stream().findFirst();
    }

    /**
     * {@code type/subtype}, without parameters.
     *
     * @return the essence in lower case, with the suffix, e.g. {@code application/vnd.api+json}
     */
    public String essence() {
        return type + "/" + fullSubtype;
    }

    /**
     * Whether this is JSON for Prism's body parser: {@code application/json} or {@code application/*+json}.
     *
     * @return true for {@code application/json} and any {@code application/...+json}
     */
    public boolean isJson() {
        return type.equals("application") && (fullSubtype.equals("json") || fullSubtype.endsWith("+json"));
    }

    /**
     * Prism's {@code wildcardMediaTypeMatch(this, declared)}: equal types (or a {@code *} declared) and equal
     * subtypes ignoring suffixes (or a {@code *} declared), so {@code application/vnd.api+json} matches a declared
     * {@code application/json}.
     *
     * @param declared the media type the spec declares, possibly with {@code *} wildcards; not null
     * @return true when this (a request's media type) is acceptable for {@code declared}
     */
    public boolean matches(MediaType declared) {
        return (type.equals(declared.type) || declared.type.equals("*"))
                && (subtype.equals(declared.subtype) || declared.subtype.equals("*"));
    }
}
