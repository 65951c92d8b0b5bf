package io.github.paynetsavecard.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.github.paynetsavecard.client.generated.model.PaynetError;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import retrofit2.Invocation;

/**
 * Checks that every answer can be read before Retrofit decodes it: a 2xx body as the operation's
 * response model, any other body as Paynet's Error object.
 *
 * <p>Why here and not after Retrofit: only here are the HTTP status and the raw body both at hand,
 * so that an HTML page from a proxy becomes an error that carries both. Bodies are tiny, so
 * decoding twice costs nothing worth saving.
 */
final class AnswerCheck implements Interceptor {

  // Far above any Paynet answer; a larger body is reported as unreadable rather than buffered.
  private static final long MAX_BODY_BYTES = 1024 * 1024;

  private final Redaction redaction;

  AnswerCheck(Redaction redaction) {
    this.redaction = redaction;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.isRedirect()) {
      response.close();
      // Following it would send the request a second time, to wherever the answer points.
      throw new UnreadableAnswerException("the answer is a redirect to "
          + redaction.url(String.valueOf(response.header("Location"))) + ", and the client never follows one",
          response.code(), null);
    }
    ResponseBody peeked = response.peekBody(MAX_BODY_BYTES);
    String body = peeked.string();
    Type expected = response.isSuccessful() ? successType(chain) : PaynetError.class;
    String problem = problemReading(body, expected);
    if (problem != null) {
      response.close();
      String excerpt = body.isEmpty() ? "(empty)" : redaction.excerpt(body);
      // The reason can quote the body (a decoder's message), so it is redacted like the excerpt.
      throw new UnreadableAnswerException(redaction.text(problem), response.code(), excerpt);
    }
    return response;
  }

  /** @return what is wrong with the body, or {@code null} when it reads as {@code expected} */
  private static String problemReading(String body, Type expected) {
    if (body.isBlank()) {
      return "Paynet's answer has no body";
    }
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(body));
    try {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        return "Paynet's answer is not a JSON object";
      }
    } catch (IOException notJson) {
      return "Paynet's answer is not JSON (an error page from a proxy or gateway?)";
    }
    try {
      JsonAdapter<Object> adapter = PaynetJson.MOSHI.adapter(expected);
      adapter.fromJson(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        return "Paynet's answer has more after its JSON object";
      }
      return null;
    } catch (JsonDataException | IOException notTheSpecsJson) {
      return "Paynet's answer is not the JSON the spec describes: " + notTheSpecsJson.getMessage();
    }
  }

  // The model the Retrofit method returns, e.g. SaveCardResponse for Call<SaveCardResponse>.
  private static Type successType(Chain chain) {
    Invocation invocation = chain.request().tag(Invocation.class);
    if (invocation == null) {
      return Object.class;
    }
    Type returned = invocation.method().getGenericReturnType();
    return returned instanceof ParameterizedType call ? call.getActualTypeArguments()[0] : Object.class;
  }
}
