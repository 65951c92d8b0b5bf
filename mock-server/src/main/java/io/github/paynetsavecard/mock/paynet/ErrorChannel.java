package io.github.paynetsavecard.mock.paynet;

import java.util.Optional;

/**
 * How Paynet mode sends a business rejection (unknown session, used session, ...). Paynet's pages allow both, so a
 * merchant must be able to test both; the default is the one the spec names as Paynet's rule.
 */
public enum ErrorChannel {
    /** HTTP 200 with a {@code code} other than 0 (the spec's {@code http-200} example for the rejection). */
    HTTP_200("http-200"),
    /** A 4xx {@code Error} object carrying {@code result_code} (the spec's {@code error-object} example). */
    ERROR_OBJECT("error-object");

    private final String flag;

    ErrorChannel(String flag) {
        this.flag = flag;
    }

    /** The value of {@code --error-channel} and of the spec's {@code x-paynet-error-channel}:
     * {@code http-200} or {@code error-object}.
     *
     * @return the flag in lower case, with {@code -}
     */
    public String flag() {
        return flag;
    }

    /**
     * The channel whose {@link #flag()} (any case, {@code _} or {@code -}) is {@code text}.
     *
     * @param text a flag as a user typed it, e.g. {@code ERROR_OBJECT} or {@code error-object}; null finds nothing
     * @return the channel, or empty when {@code text} names none
     */
    public static Optional<ErrorChannel> fromFlag(String text) {
        return FlagNames.find(values(), ErrorChannel::flag, text);
    }
}
