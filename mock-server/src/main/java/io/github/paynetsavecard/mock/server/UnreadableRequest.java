package io.github.paynetsavecard.mock.server;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.EofException;

/**
 * Tells a request that WireMock could not decode from a failure of the mock, by the type of what was thrown.
 *
 * <p>Below {@link RequestGuard} only WireMock's request decoding and the engine run, and the engine answers every
 * failure of its own. What WireMock throws while decoding is an unknown or malformed charset, undecodable bytes,
 * a malformed percent escape ({@link IllegalArgumentException} from {@link java.net.URLDecoder}) or a multipart
 * parser's {@link IOException}. Anything else escaping WireMock is a fault, not input.
 */
final class UnreadableRequest {
    private static final int MAX_REASON = 200;

    private UnreadableRequest() {
    }

    /** Why the request could not be read, when {@code failure} says that; empty for a fault of the mock. */
    static Optional<String> reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalCharsetNameException || cause instanceof UnsupportedCharsetException) {
                return Optional.of("unknown charset " + quoted(cause.getMessage()));
            }
            if (cause instanceof CharacterCodingException) {
                return Optional.of("the body is not in its declared charset");
            }
            if (cause instanceof IllegalArgumentException || cause instanceof IOException) {
                // URLDecoder's and the multipart parser's messages describe the input (e.g. "%zz"), never secrets
                // the mock holds; they are cut short all the same.
                return Optional.of(shortened(cause.getMessage() == null ? cause.getClass().getSimpleName()
                        : cause.getMessage()));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code failure} is one Jetty answers itself: a {@link BadMessageException} (the guard's own 413 and
     * 415, raised while WireMock reads the body and wrapped by it) or a client that went away (Jetty's
     * {@link EofException}, or a {@link java.nio.channels.ClosedChannelException} when the connection closed under a
     * write).
     */
    static boolean isAnsweredByJetty(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadMessageException || cause instanceof EofException
                    || cause instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    /** The types and stack of {@code failure}, for the log; messages are left out, as they may quote the request. */
    static String stack(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(cause == failure ? "" : "\nCaused by: ").append(cause.getClass().getName());
            for (StackTraceElement frame : cause.getStackTrace()) {
                text.append("\n\tat ").append(frame);
            }
        }
        return text.toString();
    }

    private static String quoted(String name) {
        return "'" + shortened(name == null ? "" : name) + "'";
    }

    private static String shortened(String text) {
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "..." : text;
    }
}
