package io.github.paynetsavecard.mock.paynet;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The form of Auth's session values, from createSession's {@code x-paynet-session}.
 *
 * @param idPrefix          what every session id starts with
 * @param expireDatePattern how {@code expire_date} is written ({@link DateTimeFormatter} pattern)
 * @param zone              the time zone of {@code expire_date}, which carries none
 */
record SessionFormat(String idPrefix, String expireDatePattern, ZoneId zone) {
    static final String EXTENSION = "x-paynet-session";
    /** Used while the spec names none: the prefix of every session id in Paynet's pages. */
    static final String FALLBACK_ID_PREFIX = "js_";
    /** Used while the spec names none: the form of the spec's expire_date example. */
    static final String FALLBACK_EXPIRE_DATE_PATTERN = "yyyy-MM-dd'T'HH:mm:ss";
    /** Paynet's dates carry no zone; Turkey's time is our assumption for a Turkish service. */
    static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");

    static SessionFormat of(PaynetContract contract) {
        JsonNode session = contract.extension(PaynetContract.CREATE_SESSION, EXTENSION);
        String pattern = session.path("expireDateFormat").asText(FALLBACK_EXPIRE_DATE_PATTERN);
        try {
            DateTimeFormatter.ofPattern(pattern);
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("createSession." + EXTENSION + ".expireDateFormat `" + pattern
                    + "` is not a date-time pattern: " + bad.getMessage(), bad);
        }
        return new SessionFormat(session.path("idPrefix").asText(FALLBACK_ID_PREFIX), pattern, ZONE);
    }
}
