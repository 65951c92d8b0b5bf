package io.github.paynetsavecard.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Runs one Retrofit call to Paynet, blocking or asynchronously, and gives every failure one of two
 * shapes: {@link PaynetTransportException.NotSent} when the request provably never went out,
 * {@link PaynetTransportException.OutcomeUnknown} otherwise. Messages pass through the client's
 * {@link Redaction}.
 */
final class Transport {

  /** What a caller should do when an operation's outcome is unknown. */
  enum Operation {
    SAVE_CARD("Do not send save_card again blindly: Paynet may have accepted it, and a second one can be"
        + " refused as a used session (17). The charge call's is_save_card_succeed tells whether the card"
        + " was stored."),
    CREATE_SESSION("Paynet may have started a session; starting another one is harmless, but the first may"
        + " stay open until it expires."),
    CHARGE("Paynet may have taken the payment. Paynet documents that charging the same session again (after a"
        + " timeout, say) is answered with the earlier successful transaction (code 100, OLD_SUCCESSFUL) rather"
        + " than a second payment: that is how to learn this charge's outcome.");

    private final String afterUnknownOutcome;

    Operation(String afterUnknownOutcome) {
      this.afterUnknownOutcome = afterUnknownOutcome;
    }

    String afterUnknownOutcome() {
      return afterUnknownOutcome;
    }
  }

  private final Redaction redaction;

  Transport(Redaction redaction) {
    this.redaction = redaction;
  }

  <T, R> R execute(Call<T> call, Operation operation, Function<Response<T>, R> interpretation) {
    Response<T> response;
    try {
      response = call.execute();
    } catch (IOException failed) {
      throw failure(call, operation, failed);
    }
    return interpretation.apply(response);
  }

  <T, R> CompletableFuture<R> enqueue(Call<T> call, Operation operation, Function<Response<T>, R> interpretation) {
    CompletableFuture<R> result = new CompletableFuture<>();
    // Cancelling the future cancels the HTTP call, so no thread waits for an answer nobody reads.
    result.whenComplete((ignored, failure) -> {
      if (result.isCancelled()) {
        call.cancel();
      }
    });
    call.enqueue(new Callback<T>() {
      @Override
      public void onResponse(Call<T> done, Response<T> response) {
        try {
          result.complete(interpretation.apply(response));
        } catch (RuntimeException failed) {
          result.completeExceptionally(failed);
        }
      }

      @Override
      public void onFailure(Call<T> done, Throwable failed) {
        result.completeExceptionally(asyncFailure(done, operation, failed));
      }
    });
    return result;
  }

  /**
   * What the future fails with: what {@link #execute} would throw for the same failure. OkHttp
   * hands an unchecked exception thrown inside an asynchronous call (by an added interceptor, say)
   * to the callback as an {@code IOException("canceled due to ...")} that carries it as suppressed;
   * the blocking call throws that exception itself, and so does the future.
   */
  Throwable asyncFailure(Call<?> call, Operation operation, Throwable failed) {
    if (!(failed instanceof IOException io)) {
      return failed;
    }
    Throwable[] suppressed = io.getSuppressed();
    boolean okHttpWrapped = suppressed.length == 1 && !(suppressed[0] instanceof IOException)
        && io.getMessage() != null && io.getMessage().startsWith("canceled due to ");
    return okHttpWrapped ? suppressed[0] : failure(call, operation, io);
  }

  PaynetTransportException failure(Call<?> call, Operation operation, IOException failed) {
    String target = redaction.url(call.request().method() + " " + call.request().url());
    NothingSentException nothingSent = causeOfType(failed, NothingSentException.class);
    if (nothingSent != null) {
      return new PaynetTransportException.NotSent("Nothing was sent to Paynet (" + target + "): "
          + whyNotSent(nothingSent.getCause()) + ". No byte of the request reached a server, so sending it again"
          + " is safe.", failed);
    }
    String unknown = "The outcome is unknown (" + target + "): the request went out, ";
    String advice = " " + operation.afterUnknownOutcome;
    if (failed instanceof UnreadableAnswerException unreadable) {
      return new PaynetTransportException.OutcomeUnknown(unknown + "but the answer cannot be read: "
          + unreadable.getMessage() + "." + advice, unreadable.httpStatus(), unreadable.bodyExcerpt(), failed);
    }
    if (failed instanceof SocketTimeoutException) {
      return new PaynetTransportException.OutcomeUnknown(unknown + "but timed out waiting for the answer ("
          + redaction.text(failed.getMessage()) + ")." + advice, null, null, failed);
    }
    // OkHttp ends a call that outlives its call timeout with exactly this exception and message.
    if (failed instanceof InterruptedIOException && "timeout".equals(failed.getMessage())) {
      return new PaynetTransportException.OutcomeUnknown(unknown + "but the call took longer than the call"
          + " timeout." + advice, null, null, failed);
    }
    return new PaynetTransportException.OutcomeUnknown(unknown + "but the connection failed before an answer"
        + " came back (" + redaction.text(failed.toString()) + ")." + advice, null, null, failed);
  }

  private String whyNotSent(Throwable cause) {
    if (cause instanceof UnknownHostException) {
      return "the host name could not be resolved (" + redaction.text(cause.getMessage()) + ")";
    }
    if (cause instanceof ConnectException) {
      return "the connection was refused (" + redaction.text(cause.getMessage()) + ")";
    }
    if (cause instanceof SocketTimeoutException) {
      return "timed out connecting (" + redaction.text(cause.getMessage()) + ")";
    }
    if (cause instanceof SSLException) {
      return "the TLS handshake failed; the client accepts TLS 1.2 and 1.3 only, with a certificate the JVM"
          + " trusts (" + redaction.text(cause.toString()) + ")";
    }
    return "the connection could not be set up (" + redaction.text(String.valueOf(cause)) + ")";
  }

  private static <E extends Throwable> E causeOfType(Throwable failed, Class<E> type) {
    for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }
}
