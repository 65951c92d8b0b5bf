package io.github.paynetsavecard.mock.paynet;

/** Why Paynet mode turns a call down. Each maps to an answer the spec declares (see {@link PaynetContract}). */
enum Refusal {
    /** The session never came from Auth, or was forgotten (13, paynetjnosession). */
    NO_SESSION,
    /** The session was charged already (17, paynetjusedsession). */
    USED_SESSION,
    /** The session is past its expiry date. */
    EXPIRED_SESSION,
    /** OTP is on, and neither save_card's {@code user_gsm} nor Auth's {@code user_gsm_no} was given. */
    GSM_REQUIRED,
    /** The hosted page was opened for a session that has no card-naming step (save_card not called yet). */
    NO_HOSTED_PAGE
}
