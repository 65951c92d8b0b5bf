package io.github.paynetsavecard.mock.paynet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that tests move forward instead of sleeping: the base clock's time plus an offset. */
final class ShiftableClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    ShiftableClock(Clock base) {
        this.base = Objects.requireNonNull(base, "clock == null");
    }

    void advance(Duration by) {
        Objects.requireNonNull(by, "duration == null");
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward; got " + by);
        }
        offset.accumulateAndGet(by, Duration::plus);
    }

    void resetOffset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        ShiftableClock moved = new ShiftableClock(base.withZone(zone));
        moved.offset.set(offset.get());
        return moved;
    }
}
