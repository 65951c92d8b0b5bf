package io.github.paynetsavecard.mock.server;

import java.time.Duration;

/**
 * Bounds how many requests the {@code delay=MS} and {@code timeout} faults hold at once. A held request waits on a
 * timer (WireMock's asynchronous responses), not on a request thread, but it keeps its connection and its answer,
 * so a loop in a script must not pile them up without end. A hold ends by the clock, so only its end is
 * remembered; nothing has to be released.
 */
final class HeldRequests {
    /** At most this many requests are held at once. */
    static final int MAX_HELD = 64;

    private final long[] endsAt = new long[MAX_HELD];

    /** Reserves a place for a hold of {@code duration} from now; false when {@value #MAX_HELD} are held already. */
    synchronized boolean tryHold(Duration duration) {
        long now = System.nanoTime();
        for (int slot = 0; slot < endsAt.length; slot++) {
            if (endsAt[slot] - now <= 0) {
                endsAt[slot] = now + duration.toNanos();
                return true;
            }
        }
        return false;
    }
}
