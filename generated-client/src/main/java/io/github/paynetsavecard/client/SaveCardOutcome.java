package io.github.paynetsavecard.client;

import java.util.Objects;
import java.util.Optional;

/**
 * What Paynet answered to a save_card request. On Java 17:
 *
 * <pre>{@code
 * SaveCardOutcome outcome = client.saveCard(request);
 * if (outcome instanceof SaveCardOutcome.Saved saved) {
 *   show("Card stored as " + saved.cardDescription());
 * } else if (outcome instanceof SaveCardOutcome.HostedPage) {
 *   show("Name the card on Paynet's page");
 * } else if (outcome instanceof SaveCardOutcome.Rejected rejected) {
 *   show("Paynet said " + rejected.code() + ": " + rejected.message());
 * }
 * }</pre>
 *
 * On Java 21, switch on it: {@code case SaveCardOutcome.Saved saved -> ...}; the compiler checks
 * that all three cases are handled.
 *
 * <p>Both accepted outcomes only acknowledge the request: whether the card was really stored is
 * reported later by Paynet's charge call ({@code is_save_card_succeed}).
 */
public sealed interface SaveCardOutcome {

  /** @return Paynet's text for the outcome, e.g. "Başarılı İşlem"; empty if Paynet sent none */
  String message();

  /**
   * Accepted (code 0) with a {@code card_desc}: the card is stored under that description.
   *
   * @param sessionId the session of the answer (the request's when the answer has none)
   * @param message Paynet's text
   * @param cardDescription the description the request carried
   */
  record Saved(String sessionId, String message, String cardDescription) implements SaveCardOutcome {
    public Saved {
      Objects.requireNonNull(sessionId, "sessionId == null");
      Objects.requireNonNull(message, "message == null");
      Objects.requireNonNull(cardDescription, "cardDescription == null");
    }
  }

  /**
   * Accepted (code 0) without a {@code card_desc}: Paynet's payment screen now asks the
   * cardholder to name the card, shows the card-storage agreement and an "I have read and
   * understood" box.
   *
   * @param sessionId the session of the answer (the request's when the answer has none)
   * @param message Paynet's text
   */
  record HostedPage(String sessionId, String message) implements SaveCardOutcome {
    public HostedPage {
      Objects.requireNonNull(sessionId, "sessionId == null");
      Objects.requireNonNull(message, "message == null");
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
    public Rejected {
      Objects.requireNonNull(code, "code == null");
      Objects.requireNonNull(message, "message == null");
      Objects.requireNonNull(errorType, "errorType == null");
    }
  }
}
