package io.github.paynetsavecard.client;

import io.github.paynetsavecard.client.generated.PaynetServers;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Where the client sends its requests: Paynet's {@link #LIVE} or {@link #TEST} system, whose URLs
 * come from the spec's {@code servers}, or any base URL such as a local mock.
 *
 * <pre>{@code
 * PaynetEnvironment.TEST                                  // https://pts-api.paynet.com.tr
 * PaynetEnvironment.of("http://127.0.0.1:4010")           // paynet-mock-server or Prism
 * PaynetEnvironment.of("127.0.0.1:4010")                  // IllegalArgumentException: no scheme
 * }</pre>
 */
public final class PaynetEnvironment {

  /** Paynet's live system: the spec's server described as "live". */
  public static final PaynetEnvironment LIVE = fromSpec("LIVE", "live");

  /** Paynet's test system: the spec's server described as "test". */
  public static final PaynetEnvironment TEST = fromSpec("TEST", "test");

  private final String name;
  private final HttpUrl baseUrl;

  private PaynetEnvironment(String name, HttpUrl baseUrl) {
    this.name = name;
    this.baseUrl = baseUrl;
  }

  /**
   * @param baseUrl an {@code http} or {@code https} URL; the operation paths are resolved against
   *     it, so {@code http://host/prefix} sends to {@code http://host/prefix/v1/paynetj/save_card}
   * @return an environment for that URL
   * @throws IllegalArgumentException when the URL is not an absolute http(s) URL, or carries a user
   *     name or password, a query or a fragment
   */
  public static PaynetEnvironment of(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    HttpUrl parsed = HttpUrl.parse(baseUrl.strip());
    if (parsed == null) {
      throw new IllegalArgumentException(
          "baseUrl must be an absolute http or https URL such as http://127.0.0.1:4010; got: " + baseUrl);
    }
    // Checked first, and the URL not repeated: a password in it would reach logs and toString().
    if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
      throw new IllegalArgumentException("baseUrl must not carry a user name or password (host "
          + parsed.host() + "): the client sends Paynet's key itself, give it to apiKey(...)");
    }
    if (parsed.query() != null || parsed.fragment() != null) {
      throw new IllegalArgumentException("baseUrl must not carry a query or fragment; got: " + baseUrl);
    }
    return new PaynetEnvironment(parsed.toString(), withTrailingSlash(parsed));
  }

  private static PaynetEnvironment fromSpec(String name, String word) {
    Pattern described = Pattern.compile("\\b" + word + "\\b");
    return PaynetServers.ALL.stream()
        .filter(server -> described.matcher(server.description().toLowerCase(Locale.ROOT)).find())
        .findFirst()
        .map(server -> new PaynetEnvironment(name, withTrailingSlash(HttpUrl.get(server.url()))))
        .orElseThrow(() -> new IllegalStateException(
            "The spec lists no server whose description contains \"" + word + "\": " + PaynetServers.ALL));
  }

  // Retrofit resolves the spec's relative paths against the base URL, which must end in '/'.
  private static HttpUrl withTrailingSlash(HttpUrl url) {
    String path = url.encodedPath();
    return path.endsWith("/") ? url : url.newBuilder().encodedPath(path + "/").build();
  }

  /** @return the base URL, always ending in {@code /} */
  public String baseUrl() {
    return baseUrl.toString();
  }

  HttpUrl httpUrl() {
    return baseUrl;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PaynetEnvironment that && baseUrl.equals(that.baseUrl);
  }

  @Override
  public int hashCode() {
    return baseUrl.hashCode();
  }

  /** @return {@code LIVE}, {@code TEST}, or the base URL */
  @Override
  public String toString() {
    return name;
  }
}
