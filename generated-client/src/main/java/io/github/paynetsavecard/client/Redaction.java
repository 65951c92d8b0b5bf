package io.github.paynetsavecard.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's one redaction policy: what of a key, a phone number, a session id or a card
 * description may appear in a log line, an exception message, a {@code toString()} or a report.
 * The client, the mock server and the conformance suite all use it, with one marker,
 * {@value #MARKER}.
 *
 * <ul>
 *   <li><b>Keys</b> become {@value #MARKER}: the value of {@code Authorization} and
 *       {@code Proxy-Authorization} always, and of every header, cookie or query parameter that a
 *       security scheme of the spec names (given to the {@link Builder}). A well-known scheme word is
 *       kept, so {@code Authorization: Basic sck_...} reads {@code Basic <redacted>}. A key value
 *       given with {@link Builder#secretValue} is removed wherever it appears, also where JSON or a
 *       URL escapes it.
 *   <li><b>Phone numbers</b> are masked to their last two digits: {@code ********67}, in the
 *       fields {@code user_gsm}, {@code user_gsm_no} and {@code save_card_gsm} and in every run of
 *       ten or more digits.
 *   <li><b>Session ids</b> ({@code session_id}, and charge's {@code card_owner_id}, which names
 *       the stored cards) are shortened to their first ten characters: {@code js_EAAAAMb…}.
 *   <li><b>Card descriptions</b> ({@code card_desc}, often the cardholder's name) become
 *       {@value #MARKER}, and so do the publishable key that Paynet.js sends as {@code token} and
 *       charge's card token {@code token_id}.
 * </ul>
 *
 * <pre>{@code
 * // The mock, which serves any spec, names the spec's schemes:
 * Redaction policy = Redaction.builder().securityScheme("apiKey", "query", "api_key").build();
 * policy.url("/v1/x?api_key=sck_1&page=2");                 // "/v1/x?api_key=<redacted>&page=2"
 * policy.text("{\"session_id\":\"js_EAAAAMb2/RMGqozz\",\"card_desc\":\"onur ozdemir\"}");
 *                                     // {"session_id":"js_EAAAAMb…","card_desc":"<redacted>"}
 * // A value that does not know the spec shows only headers that never carry a credential:
 * Redaction.unknownSchemes().header("X-Merchant-Key", "sck_1");   // "<redacted>"
 * }</pre>
 *
 * <p>Immutable and thread-safe; build one per spec (or per key) and share it.
 */
public final class Redaction {

  /** What stands where a secret or a card description was. */
  public static final String MARKER = "<redacted>";

  /** Long enough to recognise an answer, short enough not to flood a log line. */
  static final int EXCERPT_LENGTH = 200;

  private static final int SESSION_ID_SHOWN = 10;

  // RFC 9110's credential headers: secret under every spec.
  private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization");
  // The scheme word of these stays readable ("Basic <redacted>"); any other first word could be key.
  private static final Set<String> SCHEME_WORDS = Set.of("basic", "bearer", "digest", "negotiate", "ntlm", "hoba",
      "mutual", "vapid", "token");
  // What unknownSchemes() shows: headers that never carry a credential.
  private static final Set<String> PLAIN_HEADERS = Set.of("accept", "accept-charset", "accept-encoding",
      "accept-language", "access-control-request-headers", "access-control-request-method", "connection",
      "content-encoding", "content-length", "content-type", "date", "host", "origin", "prefer",
      "transfer-encoding", "user-agent");

  // Field names as the spec's schemas spell them (a client test holds them to the spec).
  static final Set<String> SHORTENED_FIELDS = Set.of("session_id", "card_owner_id");
  static final Set<String> REDACTED_FIELDS = Set.of("card_desc", "token", "token_id");
  // save_card_gsm is create_token's name for the number (Paynet.js), not in the spec.
  static final Set<String> PHONE_FIELDS = Set.of("user_gsm", "user_gsm_no", "save_card_gsm");

  private static final Pattern PERSONAL_JSON_FIELD = Pattern.compile(
      "(\"(" + alternation() + ")\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");
  private static final Pattern PERSONAL_FORM_FIELD = Pattern.compile(
      "((?:^|(?<=[?&;\\s]))(" + alternation() + ")=)([^&;\\s\"#]*)");
  // Ten or more digits in a row: a phone number in any of its written forms once spaces are gone.
  private static final Pattern DIGIT_RUN = Pattern.compile("\\d{10,}");
  private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#@]*@");

  private static final Redaction UNKNOWN_SCHEMES = new Redaction(new Builder(), false);

  private final Set<String> secretHeaders;
  private final Set<String> secretCookies;
  private final Set<String> secretQueryParameters;
  private final Pattern secretValues;
  private final boolean schemesKnown;

  private Redaction(Builder builder, boolean schemesKnown) {
    Set<String> headers = new LinkedHashSet<>(CREDENTIAL_HEADERS);
    headers.addAll(builder.headers);
    this.secretHeaders = Collections.unmodifiableSet(headers);
    this.secretCookies = Set.copyOf(builder.cookies);
    this.secretQueryParameters = Set.copyOf(builder.queryParameters);
    this.secretValues = builder.values.isEmpty() ? null : anyEncodingOf(builder.values);
    this.schemesKnown = schemesKnown;
  }

  /** @return a builder for a policy that knows the spec's security schemes (and perhaps the key) */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The policy for a value that cannot know which spec's schemes apply (the mock engine's public
   * records, say): it shows only the values of headers that never carry a credential, and no
   * cookie or query parameter value at all.
   *
   * @return the policy
   */
  public static Redaction unknownSchemes() {
    return UNKNOWN_SCHEMES;
  }

  /**
   * @param sessionId a session id
   * @return its first ten characters and {@code …}; a short id is shown whole
   */
  public static String sessionId(String sessionId) {
    if (sessionId == null) {
      return "null";
    }
    return sessionId.length() <= SESSION_ID_SHOWN ? sessionId : sessionId.substring(0, SESSION_ID_SHOWN) + "…";
  }

  /**
   * @param written a phone number in any form, e.g. {@code 0532 123 45 67}
   * @return every digit but the last two as {@code *}, other characters kept to show the shape:
   *     {@code **** *** ** 67}
   */
  public static String phoneNumber(String written) {
    StringBuilder masked = new StringBuilder(written.length());
    int digitsTotal = (int) written.chars().filter(Character::isDigit).count();
    int digitsSeen = 0;
    for (char c : written.toCharArray()) {
      if (Character.isDigit(c)) {
        digitsSeen++;
        masked.append(digitsSeen > digitsTotal - 2 ? c : '*');
      } else {
        masked.append(c);
      }
    }
    return masked.toString();
  }

  /**
   * @param name a header name, any case
   * @param value its value
   * @return the value as it may be shown: {@value #MARKER} (after a scheme word) for a credential,
   *     secret cookies redacted in {@code Cookie} and {@code Set-Cookie}, anything else through
   *     {@link #text}
   */
  public String header(String name, String value) {
    String header = name.toLowerCase(Locale.ROOT);
    if (secretHeaders.contains(header)) {
      return credential(value);
    }
    if (header.equals("cookie")) {
      return cookies(value);
    }
    if (header.equals("set-cookie")) {
      int end = value.indexOf(';');
      return end < 0 ? cookies(value) : cookies(value.substring(0, end)) + text(value.substring(end));
    }
    if (!schemesKnown && !PLAIN_HEADERS.contains(header)) {
      return MARKER;
    }
    return text(value);
  }

  /**
   * @param headers header names and their values, in any order; may be {@code null}
   * @return an unmodifiable copy in the same order, every value through {@link #header}
   */
  public Map<String, List<String>> headers(Map<String, List<String>> headers) {
    return eachValue(headers, this::header);
  }

  /**
   * @param query decoded query parameters; may be {@code null}
   * @return an unmodifiable copy, secret parameters' values as {@value #MARKER}, personal ones
   *     masked or shortened
   */
  public Map<String, List<String>> query(Map<String, List<String>> query) {
    return eachValue(query, this::queryValue);
  }

  private static Map<String, List<String>> eachValue(Map<String, List<String>> named,
      BinaryOperator<String> redact) {
    Map<String, List<String>> shown = new LinkedHashMap<>();
    if (named != null) {
      named.forEach((name, values) -> {
        List<String> redacted = new ArrayList<>(values.size());
        values.forEach(value -> redacted.add(value == null ? null : redact.apply(name, value)));
        shown.put(name, Collections.unmodifiableList(redacted));
      });
    }
    return Collections.unmodifiableMap(shown);
  }

  /**
   * @param url an absolute URL or a path with its query string
   * @return the URL with user info and secret query values as {@value #MARKER}, personal values
   *     masked or shortened, and long digit runs in the path masked
   */
  public String url(String url) {
    String withoutUser = USER_INFO.matcher(url).replaceFirst("$1" + Matcher.quoteReplacement(MARKER) + "@");
    int queryStart = withoutUser.indexOf('?');
    if (queryStart < 0) {
      return text(withoutUser);
    }
    StringBuilder shown = new StringBuilder(text(withoutUser.substring(0, queryStart))).append('?');
    String[] pairs = withoutUser.substring(queryStart + 1).split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      int equals = pairs[i].indexOf('=');
      if (i > 0) {
        shown.append('&');
      }
      if (equals < 0) {
        shown.append(text(pairs[i]));
      } else {
        String name = pairs[i].substring(0, equals);
        shown.append(name).append('=').append(queryValue(name, pairs[i].substring(equals + 1)));
      }
    }
    return shown.toString();
  }

  /**
   * Free text: a body, a log line, an exception message. Removes the key values the policy was
   * given (in any encoding), redacts {@code card_desc}, {@code token} and {@code token_id},
   * shortens {@code session_id} and {@code card_owner_id} and masks the phone fields (as JSON
   * fields and as form or query parameters), then masks every run of ten or more digits.
   *
   * @param text any text; {@code null} gives {@code null}
   * @return the text as it may be shown
   */
  public String text(String text) {
    if (text == null) {
      return null;
    }
    String withoutKeys = secretValues == null ? text
        : secretValues.matcher(text).replaceAll(Matcher.quoteReplacement(MARKER));
    String fields = personalFields(PERSONAL_FORM_FIELD, personalFields(PERSONAL_JSON_FIELD, withoutKeys));
    return maskDigitRuns(fields);
  }

  /**
   * A short, single-line start of a body, for exception messages: control characters and runs of
   * white space become one space, then {@link #text} applies.
   */
  String excerpt(String body) {
    String shown = text(body.replaceAll("[\\s\\p{Cntrl}]+", " ").strip());
    return shown.length() <= EXCERPT_LENGTH ? shown : shown.substring(0, EXCERPT_LENGTH) + "…";
  }

  private String queryValue(String name, String value) {
    if (!schemesKnown || secretQueryParameters.contains(name)) {
      return MARKER;
    }
    return fieldValue(name, value).orElseGet(() -> text(value));
  }

  private String cookies(String value) {
    StringBuilder shown = new StringBuilder();
    for (String cookie : value.split(";", -1)) {
      if (shown.length() > 0) {
        shown.append(';');
      }
      int equals = cookie.indexOf('=');
      String name = equals < 0 ? "" : cookie.substring(0, equals).strip();
      if (equals < 0) {
        shown.append(text(cookie));
      } else if (!schemesKnown || secretCookies.contains(name)) {
        shown.append(cookie, 0, equals + 1).append(MARKER);
      } else {
        shown.append(cookie, 0, equals + 1).append(text(cookie.substring(equals + 1)));
      }
    }
    return shown.toString();
  }

  private static String credential(String value) {
    String stripped = value.strip();
    int space = stripped.indexOf(' ');
    if (space > 0 && SCHEME_WORDS.contains(stripped.substring(0, space).toLowerCase(Locale.ROOT))) {
      return stripped.substring(0, space) + " " + MARKER;
    }
    return stripped.isEmpty() ? value : MARKER;
  }

  private static String personalFields(Pattern field, String text) {
    Matcher found = field.matcher(text);
    StringBuilder shown = new StringBuilder();
    while (found.find()) {
      String value = fieldValue(found.group(2), found.group(3)).orElse(found.group(3));
      String closing = found.groupCount() >= 4 && found.group(4) != null ? found.group(4) : "";
      found.appendReplacement(shown, Matcher.quoteReplacement(found.group(1) + value + closing));
    }
    found.appendTail(shown);
    return shown.toString();
  }

  private static Optional<String> fieldValue(String name, String value) {
    if (SHORTENED_FIELDS.contains(name)) {
      return Optional.of(sessionId(value));
    }
    if (REDACTED_FIELDS.contains(name)) {
      return Optional.of(value.isEmpty() ? value : MARKER);
    }
    if (PHONE_FIELDS.contains(name)) {
      return Optional.of(phoneNumber(value));
    }
    return Optional.empty();
  }

  private static String maskDigitRuns(String text) {
    Matcher run = DIGIT_RUN.matcher(text);
    StringBuilder out = new StringBuilder();
    while (run.find()) {
      run.appendReplacement(out, Matcher.quoteReplacement(phoneNumber(run.group())));
    }
    run.appendTail(out);
    return out.toString();
  }

  private static String alternation() {
    Set<String> names = new LinkedHashSet<>();
    names.addAll(SHORTENED_FIELDS);
    names.addAll(REDACTED_FIELDS);
    names.addAll(PHONE_FIELDS);
    return String.join("|", names.stream().map(Pattern::quote).toList());
  }

  // Each character as itself, as a JSON unicode escape or a percent escape; '/' also as JSON's
  // escaped slash (a proxy's error page may echo the request that way). Longest value first, so
  // that a key containing another is removed whole.
  private static Pattern anyEncodingOf(Set<String> secrets) {
    List<String> longestFirst = new ArrayList<>(secrets);
    longestFirst.sort((a, b) -> b.length() - a.length());
    StringBuilder regex = new StringBuilder();
    for (String secret : longestFirst) {
      if (regex.length() > 0) {
        regex.append('|');
      }
      for (char c : secret.toCharArray()) {
        regex.append("(?:").append(Pattern.quote(String.valueOf(c)))
            .append("|\\\\u(?i:").append(String.format("%04X", (int) c)).append(')');
        if (c < 0x80) {
          regex.append("|%(?i:").append(String.format("%02X", (int) c)).append(')');
        }
        if (c == '/') {
          regex.append("|\\\\/");
        }
        regex.append(')');
      }
    }
    return Pattern.compile(regex.toString());
  }

  /** Names the secrets, never a value. */
  @Override
  public String toString() {
    if (!schemesKnown) {
      return "Redaction[schemes unknown: only plain headers shown]";
    }
    return "Redaction[headers=" + secretHeaders + ", cookies=" + secretCookies + ", query="
        + secretQueryParameters + ", secret values=" + (secretValues == null ? 0 : "given") + "]";
  }

  /**
   * Collects what is secret under one spec: the names its security schemes use, and the key
   * itself when the caller holds it. {@code Authorization} and {@code Proxy-Authorization} are
   * always secret.
   */
  public static final class Builder {

    private final Set<String> headers = new LinkedHashSet<>();
    private final Set<String> cookies = new LinkedHashSet<>();
    private final Set<String> queryParameters = new LinkedHashSet<>();
    private final Set<String> values = new LinkedHashSet<>();

    private Builder() {
    }

    /**
     * @param name a header that carries a key, e.g. {@code X-Api-Key}; any case
     * @return this builder
     */
    public Builder secretHeader(String name) {
      headers.add(checkName("secretHeader", name).toLowerCase(Locale.ROOT));
      return this;
    }

    /**
     * @param name a cookie that carries a key; exact case
     * @return this builder
     */
    public Builder secretCookie(String name) {
      cookies.add(checkName("secretCookie", name));
      return this;
    }

    /**
     * @param name a query parameter that carries a key; exact case
     * @return this builder
     */
    public Builder secretQueryParameter(String name) {
      queryParameters.add(checkName("secretQueryParameter", name));
      return this;
    }

    /**
     * One security scheme of the spec, as its {@code components.securitySchemes} entry says it:
     * {@code apiKey} names a header, query parameter or cookie; {@code http} and the token
     * schemes ({@code oauth2}, {@code openIdConnect}) use {@code Authorization}, which is always
     * secret.
     *
     * @param type the scheme's {@code type}
     * @param in for {@code apiKey}: {@code header}, {@code query} or {@code cookie}; else ignored
     * @param name for {@code apiKey}: the header, parameter or cookie name; else ignored
     * @return this builder
     * @throws IllegalArgumentException for an {@code apiKey} scheme without a valid {@code in} or
     *     {@code name}
     */
    public Builder securityScheme(String type, String in, String name) {
      Objects.requireNonNull(type, "type == null");
      if (!type.equals("apiKey")) {
        return this;
      }
      if (in == null) {
        throw new IllegalArgumentException("an apiKey security scheme needs `in` (header, query or cookie)");
      }
      return switch (in) {
        case "header" -> secretHeader(name);
        case "query" -> secretQueryParameter(name);
        case "cookie" -> secretCookie(name);
        default -> throw new IllegalArgumentException(
            "an apiKey security scheme's `in` must be header, query or cookie; got \"" + in + "\"");
      };
    }

    /**
     * @param value a key the caller holds, removed wherever it appears in text; never shown by
     *     any message, including this builder's
     * @return this builder
     */
    public Builder secretValue(String value) {
      Objects.requireNonNull(value, "secretValue == null");
      if (value.isBlank()) {
        throw new IllegalArgumentException("secretValue must not be blank: pass the key itself, or leave it out");
      }
      values.add(value);
      return this;
    }

    /** @return the policy */
    public Redaction build() {
      return new Redaction(this, true);
    }

    private static String checkName(String option, String name) {
      Objects.requireNonNull(name, option + " == null");
      if (name.isBlank()) {
        throw new IllegalArgumentException(option + " must name a header, cookie or parameter; got a blank name");
      }
      return name.strip();
    }
  }
}
