package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;

/** The string samples of {@code @stoplight/json-schema-sampler}, format by format. */
final class Strings {
    private static final String DATE_TIME = "2019-08-24T14:15:22Z";

    private Strings() {
    }

    static String sample(JsonNode schema, String propertyName) {
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(0);
        return switch (schema.path("format").asText("")) {
            case "email" -> "user@example.com";
            case "idn-email" -> "пользователь@пример.ру";
            case "password" -> password(min);
            case "date-time" -> DATE_TIME;
            case "date" -> DATE_TIME.substring(0, 10);
            case "time" -> DATE_TIME.substring(11);
            case "ipv4" -> "192.168.0.1";
            case "ipv6" -> "2001:0db8:85a3:0000:0000:8a2e:0370:7334";
            case "hostname" -> "example.com";
            case "idn-hostname" -> "пример.ру";
            case "iri" -> "http://пример.ру";
            case "iri-reference" -> "../словарь";
            case "uri" -> "http://example.com";
            case "uri-reference" -> "../dictionary";
            case "uri-template" -> "http://example.com/{endpoint}";
            case "uuid" -> uuid(propertyName == null ? "id" : propertyName);
            case "json-pointer" -> "/json/pointer";
            case "relative-json-pointer" -> "1/relative/json/pointer";
            case "regex" -> "/regex/";
            default -> plain(min, max);
        };
    }

    private static String plain(int min, int max) {
        String sample = ensureMinLength("string", min);
        return max > 0 && sample.length() > max ? sample.substring(0, max) : sample;
    }

    private static String password(int min) {
        String sample = "pa$$word";
        if (min > sample.length()) {
            sample += "_";
            int missing = min - sample.length();
            sample += ensureMinLength("qwerty!@#$%^123456", missing).substring(0, Math.max(0, missing));
        }
        return sample;
    }

    private static String ensureMinLength(String sample, int min) {
        if (min > sample.length()) {
            return sample.repeat(min / sample.length() + 1).substring(0, min);
        }
        return sample;
    }

    /** The sampler's deterministic UUID: a jsf32 generator seeded with the JavaScript string hash of the name. */
    static String uuid(String name) {
        int hash = 0;
        for (int i = 0; i < name.length(); i++) {
            hash = (hash << 5) - hash + name.charAt(i);
        }
        Jsf32 random = new Jsf32(hash);
        StringBuilder uuid = new StringBuilder();
        for (char c : "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".toCharArray()) {
            if (c == 'x' || c == 'y') {
                int r = (int) ((random.next() * 16) % 16);
                uuid.append(Integer.toHexString(c == 'x' ? r : (r & 0x3 | 0x8)));
            } else {
                uuid.append(c);
            }
        }
        return uuid.toString();
    }

    /** Bob Jenkins' small fast generator, with JavaScript's 32-bit integer arithmetic. */
    private static final class Jsf32 {
        private int a;
        private int b;
        private int c;
        private int d;

        Jsf32(int seed) {
            a = seed;
            b = seed;
            c = seed;
            d = seed;
        }

        double next() {
            int t = a - (b << 27 | b >>> 5);
            a = b ^ (c << 17 | c >>> 15);
            b = c + d;
            c = d + t;
            d = a + t;
            return (d & 0xFFFFFFFFL) / 4294967296.0;
        }
    }
}
