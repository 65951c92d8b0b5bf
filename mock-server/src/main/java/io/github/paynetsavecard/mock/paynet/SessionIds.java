package io.github.paynetsavecard.mock.paynet;

import io.github.paynetsavecard.client.Redaction;
import java.security.SecureRandom;
import java.util.Base64;

/** Makes session ids in Paynet's form and shortens them for messages, which never show a full id. */
final class SessionIds {
    /** 36 random bytes: 48 base64 characters, as long as the bodies of Paynet's examples. */
    private static final int RANDOM_BYTES = 36;

    private final SecureRandom random = new SecureRandom();
    private final String prefix;

    SessionIds(String prefix) {
        this.prefix = prefix;
    }

    /**
     * The prefix ({@code js_}) plus 48 characters of base64, with {@code *} instead of {@code +}: one of Paynet's
     * examples has a {@code *} where base64 would have {@code +} (our assumption), and it keeps the id intact in a
     * query string.
     */
    String next() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return prefix + Base64.getEncoder().withoutPadding().encodeToString(bytes).replace('+', '*');
    }

    /** {@code js_EAAAAMb…}: the project's one redaction policy ({@link Redaction#sessionId}), never the full id. */
    static String masked(String id) {
        return Redaction.sessionId(id);
    }
}
