package io.github.paynetsavecard.client;

import java.util.Objects;
import java.util.Optional;

/**
 * What Paynet answered to a save_card request. No outcome says that the card was stored: Paynet
 * acknowledges the request here and reports the save later, in the charge answer.
 *
 * <p>The lifecycle of a card save:
 * <ol>
 *   <li>{@link PaynetClient#createSession createSession} (Auth) starts a payment session;
 *   <li>{@link PaynetClient#saveCard saveCard} asks Paynet to store the card of that session.
 *       Paynet answers {@link Acknowledged} (with a {@code card_desc}),
 *       {@link AwaitingCardholder} (without one) or {@link Rejected};
 *   <li>without a {@code card_desc}, Paynet's own screen asks the cardholder to name the card and
 *       to accept the card-storage agreement (where that screen appears is not documented);
 *   <li>{@link PaynetClient#charge charge} takes the payment and reports the save:
 *       {@link ChargeResult#saveCardSucceeded()} ({@code is_save_card_succeed}), and the
 *       {@code card_owner_id} to keep.
 * </ol>
 *
 * <pre>{@code
 * SaveCardOutcome outcome = client.saveCard(request);
 * if (outcome instanceof SaveCardOutcome.Acknowledged acknowledged) {
 *   proceedToPayment();              // the card is not stored yet: charge reports whether it was
 * } else if (outcome instanceof SaveCardOutcome.AwaitingCardholder) {
 *   proceedToPayment();              // Paynet's screen asks the cardholder to name the card
 * } else if (outcome instanceof SaveCardOutcome.Rejected rejected) {
 *   show("Paynet said " + rejected.code() + ": " + rejected.message());
 * }
 * }</pre>
 *
 * On Java 21, switch on it: {@code case SaveCardOutcome.Acknowledged a -> ...}; the compiler
 * checks that all three cases are handled. {@code toString()} shortens the session id and never
 * shows the card description ({@link Redaction}).
 */
public sealed interface SaveCardOutcome {

  /** @return Paynet's text for the outcome, e.g. "Başarılı İşlem"; empty if Paynet sent none */
  String message();

  /**
   * Code 0 to a request with a {@code card_desc}: Paynet accepted the request to store the card
   * under that description. Not a confirmation that it was stored: charge reports that.
   *
   * @param sessionId the session of the answer (the request's when the answer has none)
   * @param message Paynet's text
   * @param cardDescription the description the request carried
   */
  record Acknowledged(String sessionId, String message, String cardDescription) implements SaveCardOutcome {
    /**
     * Checks the components: no component may be null.
     *
     * @param sessionId the session of the answer; not null
     * @param message Paynet's text, empty if none; not null
     * @param cardDescription the description the request carried; not null
     */
    public Acknowledged {
      Objects.requireNonNull(sessionId, "sessionId == null");
      Objects.requireNonNull(message, "message == null");
      Objects.requireNonNull(cardDescription, "cardDescription == null");
    }

    @Override
    public String toString() {
      return "Acknowledged[sessionId=" + Redaction.sessionId(sessionId) + ", message=" + message
          + ", cardDescription=" + Redaction.MARKER + "]";
    }
  }

  /**
   * Code 0 to a request without a {@code card_desc}: Paynet's payment screen now asks the
   * cardholder to name the card, shows the card-storage agreement and an "I have read and
   * understood" box. Whether the cardholder did, and whether the card was stored, charge reports.
   *
   * @param sessionId the session of the answer (the request's when the answer has none)
   * @param message Paynet's text
   */
  record AwaitingCardholder(String sessionId, String message) implements SaveCardOutcome {
    /**
     * Checks the components: no component may be null.
     *
     * @param sessionId the session of the answer; not null
     * @param message Paynet's text, empty if none; not null
     */
    public AwaitingCardholder {
      Objects.requireNonNull(sessionId, "sessionId == null");
      Objects.requireNonNull(message, "message == null");
    }

    @Override
    public String toString() {
      return "AwaitingCardholder[sessionId=" + Redaction.sessionId(sessionId) + ", message=" + message + "]";
    }
  }

  /**
   * Paynet refused the request. Both of Paynet's channels end here: an HTTP 200 answer whose
   * {@code code} is not 0, and a non-2xx Error object with a {@code result_code}.
   *
   * @param code Paynet's return code ({@code code} or {@code result_code})
   * @param message Paynet's text
   * @param httpStatus 200 for the first channel, the error status for the second
   * @param errorType the Error object's {@code type} (e.g. {@code authorization_error}); empty for
   *     an HTTP 200 answer
   */
  record Rejected(PaynetCode code, String message, int httpStatus, Optional<String> errorType)
      implements SaveCardOutcome {
    /**
     * Checks the components: no component may be null.
     *
     * @param code Paynet's return code; not null
     * @param message Paynet's text, empty if none; not null
     * @param httpStatus 200 or the error status
     * @param errorType the Error object's {@code type}, or empty; not null
     */
    public Rejected {
      Objects.requireNonNull(code, "code == null");
      Objects.requireNonNull(message, "message == null");
      Objects.requireNonNull(errorType, "errorType == null");
    }
  }
}
