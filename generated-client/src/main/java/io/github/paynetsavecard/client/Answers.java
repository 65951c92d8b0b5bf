package io.github.paynetsavecard.client;

import io.github.paynetsavecard.client.generated.model.AuthResponse;
import io.github.paynetsavecard.client.generated.model.ChargeResponse;
import io.github.paynetsavecard.client.generated.model.PaynetError;
import io.github.paynetsavecard.client.generated.model.SaveCardResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import okhttp3.ResponseBody;
import retrofit2.Response;

/**
 * Turns Paynet's answers into the client's types. Paynet reports a business failure on two
 * channels, an HTTP 200 answer whose {@code code} is not 0 and a non-2xx Error object with a
 * {@code result_code}; both end in the same {@link SaveCardOutcome.Rejected}.
 */
final class Answers {

  private final Redaction redaction;

  Answers(Redaction redaction) {
    this.redaction = redaction;
  }

  SaveCardOutcome saveCard(Response<SaveCardResponse> response, SaveCardRequest request) {
    if (!response.isSuccessful()) {
      Rejection rejection = rejection(response, Transport.Operation.SAVE_CARD);
      return new SaveCardOutcome.Rejected(rejection.code(), rejection.message(), response.code(), rejection.type());
    }
    SaveCardResponse answer = body(response, Transport.Operation.SAVE_CARD);
    if (answer.getCode() == null) {
      throw new PaynetTransportException.OutcomeUnknown("The outcome is unknown: Paynet's save_card answer has no"
          + " code" + where(response) + ". " + Transport.Operation.SAVE_CARD.afterUnknownOutcome(), response.code(),
          null, null);
    }
    PaynetCode code = new PaynetCode(answer.getCode());
    String message = Objects.requireNonNullElse(answer.getMessage(), "");
    if (!code.isSuccess()) {
      return new SaveCardOutcome.Rejected(code, message, response.code(), Optional.empty());
    }
    String sessionId = Objects.requireNonNullElse(answer.getSessionId(), request.sessionId());
    return request.cardDescription()
        .<SaveCardOutcome>map(description -> new SaveCardOutcome.Acknowledged(sessionId, message, description))
        .orElseGet(() -> new SaveCardOutcome.AwaitingCardholder(sessionId, message));
  }

  PaynetSession session(Response<AuthResponse> response) {
    if (!response.isSuccessful()) {
      Rejection rejection = rejection(response, Transport.Operation.CREATE_SESSION);
      return new PaynetSession(Optional.empty(), rejection.code(), rejection.message(), response.code());
    }
    AuthResponse answer = body(response, Transport.Operation.CREATE_SESSION);
    // Paynet's Auth table lists no code at all: an answer without one counts as success.
    PaynetCode code = new PaynetCode(Objects.requireNonNullElse(answer.getCode(), 0));
    return new PaynetSession(Optional.ofNullable(answer.getSessionId()).filter(id -> !id.isBlank()), code,
        Objects.requireNonNullElse(answer.getMessage(), ""), response.code());
  }

  ChargeResult charge(Response<ChargeResponse> response) {
    if (!response.isSuccessful()) {
      Rejection rejection = rejection(response, Transport.Operation.CHARGE);
      return ChargeResult.refused(rejection.code(), rejection.message(), response.code(), rejection.type());
    }
    ChargeResponse answer = body(response, Transport.Operation.CHARGE);
    if (answer.getCode() == null) {
      throw new PaynetTransportException.OutcomeUnknown("The outcome is unknown: Paynet's charge answer has no code"
          + where(response) + ". " + Transport.Operation.CHARGE.afterUnknownOutcome(), response.code(), null, null);
    }
    return new ChargeResult(new PaynetCode(answer.getCode()), Objects.requireNonNullElse(answer.getMessage(), ""),
        response.code(), Optional.empty(), Optional.ofNullable(answer.getId()), Optional.ofNullable(answer.getXactId()),
        Optional.ofNullable(answer.getIsSaveCardSucceed()), Optional.ofNullable(answer.getSaveCardResultMessage()),
        Optional.ofNullable(answer.getCardOwnerId()), Optional.ofNullable(answer.getUserUniqueId()),
        Optional.ofNullable(answer.getCardHash()));
  }

  /**
   * The 2xx answer's body. Retrofit hands out none for a 204 or 205, whatever came with it (fuzzing found a 205 with
   * a JSON body after a 100 Continue): no readable answer, so the outcome is unknown.
   */
  private <T> T body(Response<T> response, Transport.Operation operation) {
    T body = response.body();
    if (body == null) {
      throw new PaynetTransportException.OutcomeUnknown("The outcome is unknown: Paynet's answer has no body"
          + where(response) + ". " + operation.afterUnknownOutcome(), response.code(), null, null);
    }
    return body;
  }

  private record Rejection(PaynetCode code, String message, Optional<String> type) {
  }

  /** Reads the Error object of a non-2xx answer; {@link AnswerCheck} has made sure it is one. */
  private Rejection rejection(Response<?> response, Transport.Operation operation) {
    String body = errorBody(response);
    PaynetError error;
    try {
      error = PaynetJson.MOSHI.adapter(PaynetError.class).fromJson(body);
    } catch (IOException unreadable) {
      throw new PaynetTransportException.OutcomeUnknown("The outcome is unknown: Paynet's Error object cannot be"
          + " read" + where(response) + ". " + operation.afterUnknownOutcome(), response.code(), redaction.excerpt(body),
          unreadable);
    }
    if (error == null || error.getResultCode() == null) {
      throw new PaynetTransportException.OutcomeUnknown("The outcome is unknown: Paynet's error answer carries no"
          + " result_code" + where(response) + ". " + operation.afterUnknownOutcome(), response.code(),
          redaction.excerpt(body), null);
    }
    return new Rejection(new PaynetCode(error.getResultCode()), Objects.requireNonNullElse(error.getMessage(), ""),
        Optional.ofNullable(error.getType()));
  }

  private String where(Response<?> response) {
    return " (" + response.raw().request().method() + " " + redaction.url(response.raw().request().url().toString())
        + ")";
  }

  private static String errorBody(Response<?> response) {
    try (ResponseBody body = response.errorBody()) {
      return body == null ? "" : body.string();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
