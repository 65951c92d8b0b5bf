package com.example.checkout;

/** What became of asking Paynet to store the session's card under a name (save_card). */
public sealed interface CardNaming {

    /** Paynet took the name the customer typed in our checkout; charge reports whether the card was stored. */
    record Named() implements CardNaming {
    }

    /** No name given: Paynet's own screen asks the customer to name the card and accept the agreement. */
    record OnPaynetScreen() implements CardNaming {
    }

    /**
     * Paynet refused, e.g. 13 for a session it does not know or 17 for one already charged.
     *
     * @param code Paynet's return code
     * @param message Paynet's text
     */
    record Refused(int code, String message) implements CardNaming {
    }

    /** Nothing reached Paynet (no connection): safe to ask again. */
    record NotSent() implements CardNaming {
    }

    /**
     * The request went out and no readable answer came back. Asking again could be answered 17 although the first
     * one was taken, so the checkout goes on to the payment, and charge tells whether the card was stored.
     */
    record OutcomeUnknown() implements CardNaming {
    }
}
