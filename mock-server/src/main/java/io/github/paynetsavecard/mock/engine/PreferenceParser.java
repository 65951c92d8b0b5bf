package io.github.paynetsavecard.mock.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Reads the client's preferences like Prism 5: from the {@code Prefer} header when there is one (parsed as the
 * {@code parse-prefer-header} package does: comma-separated {@code token=value} pairs, quotes allowed, the first
 * occurrence of a token wins), otherwise from the query parameters {@code __code}, {@code __example},
 * {@code __dynamic} and {@code __seed}. Unknown tokens are ignored. A {@code code} that is not exactly three
 * digits, a {@code dynamic} that is not {@code true} or {@code false}, a token without a value, or a query
 * parameter given twice is malformed.
 */
final class PreferenceParser {
    private static final Pattern THREE_DIGITS = Pattern.compile("\\d{3}");
    private static final List<String> KEYS = List.of("code", "dynamic", "seed", "example");

    private PreferenceParser() {
    }

    /** The outcome of reading preferences. */
    public sealed interface Result {
        /** Well-formed preferences. */
        record Valid(Preferences preferences) implements Result {
        }

        /** Malformed preferences; {@code detail} explains each problem like Prism's decoder. */
        record Malformed(String detail) implements Result {
        }
    }

    /**
     * Reads preferences from the {@code Prefer} header values (joined as one list), or, when there are none, from
     * the query.
     */
    public static Result parse(List<String> preferHeader, Map<String, List<String>> query) {
        String header = String.join(",", preferHeader);
        // As in Prism, an empty Prefer header counts as none, so the query parameters apply.
        Map<String, Raw> raw = header.isEmpty() ? fromQuery(query) : fromHeader(header);
        return decode(raw);
    }

    // A raw value: a string, the bare token `true` (no `=`), or several values (a repeated query parameter).
    private record Raw(List<String> values, boolean bare) {
        String describe() {
            if (bare) {
                return "true";
            }
            if (values.size() == 1) {
                return quote(values.get(0));
            }
            List<String> quoted = values.stream().map(Raw::quote).toList();
            return "[" + String.join(",", quoted) + "]";
        }

        static String quote(String value) {
            return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
    }

    private static Map<String, Raw> fromQuery(Map<String, List<String>> query) {
        Map<String, Raw> raw = new LinkedHashMap<>();
        for (String key : KEYS) {
            List<String> values = query.get("__" + key);
            if (values != null && !values.isEmpty()) {
                raw.put(key, new Raw(List.copyOf(values), false));
            }
        }
        return raw;
    }

    private static Map<String, Raw> fromHeader(String header) {
        Map<String, Raw> raw = new LinkedHashMap<>();
        for (String preference : split(header, ',')) {
            String baseToken = null;
            for (String segment : split(preference, ';')) {
                int equals = segment.indexOf('=');
                String token = (equals < 0 ? segment : segment.substring(0, equals)).trim().toLowerCase(Locale.ROOT);
                String value = equals < 0 ? "" : unquote(segment.substring(equals + 1).trim());
                if (baseToken == null) {
                    baseToken = token;
                } else {
                    token = baseToken + "-" + token; // a parameter of a preference: never one of ours
                }
                raw.putIfAbsent(token, value.isEmpty() ? new Raw(List.of(), true) : new Raw(List.of(value), false));
            }
        }
        return raw;
    }

    private static Result decode(Map<String, Raw> raw) {
        List<String> problems = new ArrayList<>();
        OptionalInt code = OptionalInt.empty();
        Raw rawCode = raw.get("code");
        if (rawCode != null) {
            Optional<String> text = single(rawCode);
            if (text.isEmpty()) {
                problems.add(problem("code", rawCode, "should be string"));
            } else if (!THREE_DIGITS.matcher(text.get()).matches()) {
                problems.add(problem("code", rawCode, "should be a number"));
            } else {
                code = OptionalInt.of(Integer.parseInt(text.get()));
            }
        }
        boolean dynamic = false;
        Raw rawDynamic = raw.get("dynamic");
        if (rawDynamic != null) {
            Optional<String> text = single(rawDynamic);
            if (text.isEmpty()) {
                problems.add(problem("dynamic", rawDynamic, "should be string"));
            } else if (!text.get().equals("true") && !text.get().equals("false")) {
                problems.add(problem("dynamic", rawDynamic, "should be a boolean"));
            } else {
                dynamic = Boolean.parseBoolean(text.get());
            }
        }
        Optional<String> seed = text(raw, "seed", problems);
        Optional<String> example = text(raw, "example", problems);
        if (!problems.isEmpty()) {
            return new Result.Malformed(String.join("\n", problems));
        }
        return new Result.Valid(new Preferences(code, example, dynamic, seed));
    }

    private static Optional<String> text(Map<String, Raw> raw, String key, List<String> problems) {
        Raw value = raw.get(key);
        if (value == null) {
            return Optional.empty();
        }
        Optional<String> text = single(value);
        if (text.isEmpty()) {
            problems.add(problem(key, value, "should be string"));
        }
        return text;
    }

    private static Optional<String> single(Raw raw) {
        return !raw.bare() && raw.values().size() == 1 ? Optional.of(raw.values().get(0)) : Optional.empty();
    }

    // Worded like io-ts's D.draw, which Prism puts in the 422's detail.
    private static String problem(String key, Raw raw, String expectation) {
        return "optional property \"" + key + "\"\n└─ cannot decode " + raw.describe() + ", " + expectation;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    // Splits on `separator` outside double quotes, like parse-prefer-header.
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
