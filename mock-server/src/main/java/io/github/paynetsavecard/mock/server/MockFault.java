package io.github.paynetsavecard.mock.server;

import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What the mock-only request header {@value #HEADER} asks for: a broken connection, a late answer, a proxy's error
 * page or no answer at all, so that a client in any language can be tried against failures from curl or a browser.
 * WireMock's own faults do the work underneath. The header is the mock's, never Paynet's: the spec does not declare
 * it and validation ignores it.
 */
sealed interface MockFault {
    /** The request header that asks for a fault. */
    String HEADER = "X-Paynet-Mock-Fault";
    /**
     * The longest {@code delay=MS} accepted: 25 s. A late answer waits on a timer, not on a request thread, and Jetty
     * ends such a wait after 30 s on its own.
     */
    long MAX_DELAY_MILLIS = 25_000;
    /**
     * How long {@code timeout} holds a request before closing the connection unanswered: as long as a delay may be,
     * so that a client with a shorter read timeout gives up first, and the mock lets go of the connection.
     */
    Duration TIMEOUT_HOLD = Duration.ofMillis(MAX_DELAY_MILLIS);

    /** The values the header takes, as the 400 answer lists them. */
    String VALID_VALUES = "reset (connection reset), empty (closed without an answer), garbage (random bytes, then"
            + " closed), delay=MS (the normal answer after MS milliseconds, 0 to " + MAX_DELAY_MILLIS + "), html502"
            + " (a proxy's HTML 502 page), timeout (no answer; the connection is closed after "
            + TIMEOUT_HOLD.toSeconds() + " s)";

    /** The connection breaks as WireMock's {@code fault} says; the engine is not asked (no session changes). */
    record Broken(Fault fault) implements MockFault {
    }

    /** The normal answer, sent after {@code delay}. */
    record Late(Duration delay) implements MockFault {
    }

    /** A 502 HTML page such as a reverse proxy sends when the service behind it is down. */
    record ProxyErrorPage() implements MockFault {
    }

    /** Nothing is answered for {@link #TIMEOUT_HOLD}, then the connection is closed. */
    record NoAnswer() implements MockFault {
    }

    /** The header was given, but not as one of {@link #VALID_VALUES}. */
    record Invalid(String detail) implements MockFault {
    }

    /** The fault the header values ask for; {@code null} when there is no such header (the usual case). */
    static MockFault parse(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            return new Invalid(HEADER + " was given " + values.size() + " times; give it once, as one of: "
                    + VALID_VALUES + ".");
        }
        String value = values.get(0) == null ? "" : values.get(0).strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case "reset":
                return new Broken(Fault.CONNECTION_RESET_BY_PEER);
            case "empty":
                return new Broken(Fault.EMPTY_RESPONSE);
            case "garbage":
                return new Broken(Fault.RANDOM_DATA_THEN_CLOSE);
            case "html502":
                return new ProxyErrorPage();
            case "timeout":
                return new NoAnswer();
            default:
                break;
        }
        if (value.startsWith("delay=")) {
            return delay(value.substring("delay=".length()));
        }
        return new Invalid("Unknown " + HEADER + " value `" + shown(values.get(0)) + "`; use one of: "
                + VALID_VALUES + ".");
    }

    private static MockFault delay(String millis) {
        if (!millis.matches("[0-9]{1,9}")) {
            return new Invalid(HEADER + ": delay takes whole milliseconds, e.g. delay=1500 (got delay="
                    + shown(millis) + ").");
        }
        long value = Long.parseLong(millis);
        if (value > MAX_DELAY_MILLIS) {
            return new Invalid(HEADER + ": delay=" + value + " is longer than the limit of " + MAX_DELAY_MILLIS
                    + " ms; for a client that gives up waiting, use timeout.");
        }
        return new Late(Duration.ofMillis(value));
    }

    /** The value as the answer may echo it: short, printable. */
    private static String shown(String value) {
        String printable = value == null ? "" : value.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}
