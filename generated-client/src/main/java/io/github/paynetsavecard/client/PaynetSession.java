package io.github.paynetsavecard.client;

import java.util.Objects;
import java.util.Optional;

/**
 * Paynet's answer to {@link PaynetClient#createSession}: the session that save_card needs.
 *
 * <pre>{@code
 * PaynetSession session = client.createSession(CreateSessionRequest.builder().amount(1000).build());
 * String sessionId = session.requireSessionId(); // throws, naming Paynet's code, when none was started
 * }</pre>
 *
 * @param sessionId the new session, present when Paynet started one
 * @param code Paynet's return code ({@code code}, or {@code result_code} of an Error object)
 * @param message Paynet's text; empty if Paynet sent none
 * @param httpStatus the HTTP status of the answer
 */
public record PaynetSession(Optional<String> sessionId, PaynetCode code, String message, int httpStatus) {

  /**
   * Checks the components: no component may be null.
   *
   * @param sessionId the new session, or empty; not null
   * @param code Paynet's return code; not null
   * @param message Paynet's text, empty if none; not null
   * @param httpStatus the HTTP status of the answer
   */
  public PaynetSession {
    Objects.requireNonNull(sessionId, "sessionId == null");
    Objects.requireNonNull(code, "code == null");
    Objects.requireNonNull(message, "message == null");
  }

  /** Shortens the session id ({@link Redaction#sessionId}). */
  @Override
  public String toString() {
    return "PaynetSession[sessionId=" + sessionId.map(Redaction::sessionId).orElse("(none)") + ", code=" + code
        + ", message=" + message + ", httpStatus=" + httpStatus + "]";
  }

  /** @return whether Paynet started a session: code 0 and a {@code session_id} */
  public boolean started() {
    return code.isSuccess() && sessionId.isPresent();
  }

  /**
   * @return the session id
   * @throws IllegalStateException when Paynet did not start a session; the message names the code
   */
  public String requireSessionId() {
    if (!started()) {
      throw new IllegalStateException(
          "Paynet started no session: code " + code + ", HTTP " + httpStatus + ", message \"" + message + "\"");
    }
    return sessionId.orElseThrow();
  }
}
