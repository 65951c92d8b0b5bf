package io.github.paynetsavecard.client;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The call did not produce a Paynet answer the client can read. Exactly one of two things
 * happened, and they call for different next steps:
 *
 * <ul>
 *   <li>{@link NotSent}: nothing was sent. The host was not found, the connection was refused or
 *       timed out, or the TLS handshake failed; no byte of the request reached a server. Sending
 *       it again is safe.
 *   <li>{@link OutcomeUnknown}: the request went out (all of it, or part of it) and no readable
 *       answer came back: the connection dropped, the answer timed out, or it was not Paynet's
 *       JSON (an HTML page from a proxy, say). Paynet may have acted on it. Do not resend
 *       save_card blindly: a second one can be refused as a used session (17) although the first
 *       was accepted. The charge call's {@code is_save_card_succeed} tells whether the card was
 *       stored.
 * </ul>
 *
 * <pre>{@code
 * try {
 *   outcome = client.saveCard(request);
 * } catch (PaynetTransportException.NotSent e) {
 *   outcome = client.saveCard(request);  // safe: Paynet never saw the first one
 * } catch (PaynetTransportException.OutcomeUnknown e) {
 *   log.warn("save_card outcome unknown: {}", e.getMessage());
 *   proceedToPayment();                  // and read is_save_card_succeed from charge
 * }
 * }</pre>
 *
 * <p>A business rejection by Paynet is never this exception; it is a
 * {@link SaveCardOutcome.Rejected}. The message, the status and the excerpt are safe to log: they
 * pass through {@link Redaction}, so the key, full phone numbers, full session ids and card
 * descriptions never appear.
 */
public abstract sealed class PaynetTransportException extends RuntimeException
    permits PaynetTransportException.NotSent, PaynetTransportException.OutcomeUnknown {

  private static final long serialVersionUID = 1L;

  /** The HTTP status of the answer, or null when none arrived. */
  private final Integer httpStatus;
  /** The start of the answer's body (redacted), or null when none arrived. */
  private final String bodyExcerpt;

  private PaynetTransportException(String message, Integer httpStatus, String bodyExcerpt, Throwable cause) {
    super(describe(message, httpStatus, bodyExcerpt), cause);
    this.httpStatus = httpStatus;
    this.bodyExcerpt = bodyExcerpt;
  }

  private static String describe(String message, Integer httpStatus, String bodyExcerpt) {
    StringBuilder text = new StringBuilder(message);
    if (httpStatus != null) {
      text.append(" (HTTP ").append(httpStatus).append(')');
    }
    if (bodyExcerpt != null) {
      text.append("; body starts: ").append(bodyExcerpt);
    }
    return text.toString();
  }

  /** @return the HTTP status of the answer, or empty when no answer arrived */
  public OptionalInt httpStatus() {
    return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /** @return the start of the answer's body, redacted, or empty when there was none */
  public Optional<String> bodyExcerpt() {
    return Optional.ofNullable(bodyExcerpt);
  }

  /**
   * Nothing was sent: the call failed while resolving the host, connecting or shaking hands, before
   * any byte of the request was written. Sending the same request again is safe; the client does
   * it by itself only when asked to ({@link PaynetClient.Builder#retryIfNothingWasSent(int)}).
   */
  public static final class NotSent extends PaynetTransportException {

    private static final long serialVersionUID = 1L;

    NotSent(String message, Throwable cause) {
      super(message, null, null, cause);
    }
  }

  /**
   * The request went out and no readable answer came back, so whether Paynet acted on it is
   * unknown. The client never sends it again by itself. Do not resend blindly; for save_card, the
   * charge call's {@code is_save_card_succeed} tells whether the card was stored.
   */
  public static final class OutcomeUnknown extends PaynetTransportException {

    private static final long serialVersionUID = 1L;

    OutcomeUnknown(String message, Integer httpStatus, String bodyExcerpt, Throwable cause) {
      super(message, httpStatus, bodyExcerpt, cause);
    }
  }
}
