package io.github.paynetsavecard.conformance.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks what must never reach a report or a log: API keys and full phone numbers. */
final class Redaction {
    static final String REDACTED = "<redacted>";
    // The scheme word is kept ("Basic <redacted>"): a malformed-Authorization check needs it to be readable.
    private static final Pattern SCHEME = Pattern.compile("^(\\S+)\\s+\\S.*$");
    private static final Pattern PHONE_FIELD = Pattern.compile(
            "(\"(?:user_gsm|user_gsm_no|save_card_gsm)\"\\s*:\\s*\")([^\"]*)(\")");

    private Redaction() {
    }

    static Map<String, List<String>> headers(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, values) -> copy.put(name, isSecret(name)
                    ? values.stream().map(Redaction::authorization).toList()
                    : List.copyOf(values)));
        }
        return Collections.unmodifiableMap(copy);
    }

    static String body(String body) {
        Matcher phone = PHONE_FIELD.matcher(body);
        StringBuilder masked = new StringBuilder();
        while (phone.find()) {
            phone.appendReplacement(masked, Matcher.quoteReplacement(
                    phone.group(1) + phoneNumber(phone.group(2)) + phone.group(3)));
        }
        phone.appendTail(masked);
        return masked.toString();
    }

    /** Keeps the first three and the last two characters, enough to tell numbers apart in a report. */
    static String phoneNumber(String number) {
        if (number.length() <= 5) {
            return "*".repeat(number.length());
        }
        return number.substring(0, 3) + "*".repeat(number.length() - 5) + number.substring(number.length() - 2);
    }

    private static boolean isSecret(String header) {
        return header.equalsIgnoreCase("Authorization") || header.equalsIgnoreCase("Proxy-Authorization");
    }

    private static String authorization(String value) {
        if (value.isBlank()) {
            return value;
        }
        Matcher scheme = SCHEME.matcher(value.strip());
        return scheme.matches() ? scheme.group(1) + " " + REDACTED : REDACTED;
    }
}
