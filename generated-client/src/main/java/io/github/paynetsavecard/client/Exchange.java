package io.github.paynetsavecard.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Runs one Retrofit call, blocking or asynchronously, and gives every failure the same shape: a
 * {@link PaynetTransportException}.
 */
final class Exchange {

  private Exchange() {
  }

  static <T, R> R execute(Call<T> call, Function<Response<T>, R> interpretation) {
    Response<T> response;
    try {
      response = call.execute();
    } catch (IOException failed) {
      throw transportFailure(call, failed);
    }
    return interpretation.apply(response);
  }

  static <T, R> CompletableFuture<R> enqueue(Call<T> call, Function<Response<T>, R> interpretation) {
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
        result.completeExceptionally(asyncFailure(done, failed));
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
  static Throwable asyncFailure(Call<?> call, Throwable failed) {
    if (!(failed instanceof IOException io)) {
      return failed;
    }
    Throwable[] suppressed = io.getSuppressed();
    boolean okHttpWrapped = suppressed.length == 1 && !(suppressed[0] instanceof IOException)
        && io.getMessage() != null && io.getMessage().startsWith("canceled due to ");
    return okHttpWrapped ? suppressed[0] : transportFailure(call, io);
  }

  static PaynetTransportException transportFailure(Call<?> call, IOException failed) {
    String target = call.request().method() + " " + call.request().url();
    if (failed instanceof UnreadableAnswerException unreadable) {
      return new PaynetTransportException(unreadable.getMessage() + " (" + target + ")",
          unreadable.httpStatus(), unreadable.bodyExcerpt(), failed);
    }
    if (failed instanceof SocketTimeoutException) {
      return new PaynetTransportException("Timed out waiting for Paynet (" + target + "): " + failed.getMessage(),
          null, null, failed);
    }
    // OkHttp ends a call that outlives its call timeout with exactly this exception and message.
    if (failed instanceof InterruptedIOException && "timeout".equals(failed.getMessage())) {
      return new PaynetTransportException("The call to Paynet took longer than the call timeout (" + target + ")",
          null, null, failed);
    }
    return new PaynetTransportException("Could not talk to Paynet (" + target + "): " + failed, null, null, failed);
  }
}
