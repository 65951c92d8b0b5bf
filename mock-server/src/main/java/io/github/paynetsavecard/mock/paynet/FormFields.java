package io.github.paynetsavecard.mock.paynet;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of an {@code application/x-www-form-urlencoded} body, strictly: a malformed escape or a field given
 * twice is an error the caller reports, not something guessed around (unlike the query parser, a form posts data
 * that gets stored).
 */
final class FormFields {
    private final Map<String, String> fields;

    private FormFields(Map<String, String> fields) {
        this.fields = fields;
    }

    /** The fields, or why the body is not a form this page can read. */
    static Parsed parse(byte[] body) {
        Map<String, String> fields = new HashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return new Parsed(null, "the form body has a malformed %-escape; send it URL-encoded as UTF-8");
            }
            if (fields.putIfAbsent(name, value) != null) {
                return new Parsed(null, "the form field `" + name + "` is given twice; send it once");
            }
        }
        return new Parsed(new FormFields(fields), null);
    }

    /** A parsed form, or the reason it could not be read. */
    record Parsed(FormFields form, String problem) {
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(fields.get(name));
    }
}
