package io.github.paynetsavecard.client;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The call did not produce a Paynet answer the client can read: the connection failed or timed
 * out, or the answer was not Paynet's JSON (for example an HTML error page from a proxy).
 *
 * <p>A business rejection by Paynet is never this exception; it is a
 * {@link SaveCardOutcome.Rejected}. The message, the status and the excerpt are safe to log: the
 * excerpt is short, and the API key and phone numbers are masked in it.
 *
 * <pre>{@code
 * try {
 *   outcome = client.saveCard(request);
 * } catch (PaynetTransportException e) {
 *   log.warn("Paynet unreachable (HTTP {}): {}", e.httpStatus(), e.getMessage());
 *   // retry later: the request may or may not have reached Paynet
 * }
 * }</pre>
 */
public final class PaynetTransportException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Integer httpStatus;
  private final String bodyExcerpt;

  PaynetTransportException(String message, Integer httpStatus, String bodyExcerpt, Throwable cause) {
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

  /** @return the start of the answer's body with secrets masked, or empty when there was none */
  public Optional<String> bodyExcerpt() {
    return Optional.ofNullable(bodyExcerpt);
  }
}
