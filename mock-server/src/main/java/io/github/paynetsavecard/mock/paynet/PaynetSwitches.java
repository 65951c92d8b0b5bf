package io.github.paynetsavecard.mock.paynet;

/** The settings a test may change while the server runs; read on every request, written rarely. */
final class PaynetSwitches {
    private final PaynetSettings initial;
    private final ErrorChannel specChannel;
    private volatile boolean otpRequired;
    private volatile ErrorChannel errorChannel;
    private volatile ExpiredSessionAnswer expiredSession;

    PaynetSwitches(PaynetSettings initial, ErrorChannel specChannel) {
        this.initial = initial;
        this.specChannel = specChannel;
        reset();
    }

    boolean otpRequired() {
        return otpRequired;
    }

    void otpRequired(boolean required) {
        this.otpRequired = required;
    }

    ErrorChannel errorChannel() {
        return errorChannel;
    }

    void errorChannel(ErrorChannel channel) {
        this.errorChannel = java.util.Objects.requireNonNull(channel, "errorChannel == null");
    }

    ExpiredSessionAnswer expiredSession() {
        return expiredSession;
    }

    void expiredSession(ExpiredSessionAnswer answer) {
        this.expiredSession = java.util.Objects.requireNonNull(answer, "expiredSession == null");
    }

    /** Back to the server's settings. */
    void reset() {
        otpRequired = initial.otpRequired();
        errorChannel = initial.errorChannel().orElse(specChannel);
        expiredSession = initial.expiredSession();
    }
}
