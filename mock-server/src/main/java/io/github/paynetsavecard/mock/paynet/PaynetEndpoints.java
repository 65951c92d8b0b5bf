package io.github.paynetsavecard.mock.paynet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.mock.engine.MockRequest;
import io.github.paynetsavecard.mock.engine.MockResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The mock-only endpoints, all under {@value #PREFIX} so that they cannot collide with Paynet's paths (none of them
 * is in the Paynet spec): the cardholder's page, its stylesheet, a session's state and a reset. Every parameter and
 * method is checked; a mistake gets a 4xx naming the fix. Nothing here logs.
 */
final class PaynetEndpoints {
    static final String PREFIX = "/__paynet/";
    static final String HOSTED_PAGE = PREFIX + "hosted-page";
    static final String STYLESHEET = PREFIX + "hosted-page.css";
    static final String SESSION = PREFIX + "session";
    static final String RESET = PREFIX + "reset";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HTML = "text/html; charset=utf-8";
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String STYLESHEET_RESOURCE = "/io/github/paynetsavecard/mock/paynet/hosted-page.css";
    /** The page's own stylesheet and form only: no scripts, no frames, nothing from elsewhere. */
    private static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    private final SessionStore store;
    private final HostedPageTexts texts;
    private final HostedPage page;
    private final Runnable reset;
    private final byte[] stylesheet;

    PaynetEndpoints(SessionStore store, HostedPageTexts texts, Runnable reset) {
        this.store = store;
        this.texts = texts;
        this.page = new HostedPage(texts, HOSTED_PAGE, STYLESHEET);
        this.reset = reset;
        this.stylesheet = readStylesheet();
    }

    static boolean isMockOnly(String path) {
        return path.startsWith(PREFIX) || path.equals(PREFIX.substring(0, PREFIX.length() - 1));
    }

    /** The answer when {@code request} is for a mock-only path, else empty (the spec answers). */
    Optional<MockResponse> answer(MockRequest request) {
        if (!isMockOnly(request.path())) {
            return Optional.empty();
        }
        String method = request.method().toUpperCase(Locale.ROOT);
        return Optional.of(switch (request.path()) {
            case HOSTED_PAGE -> switch (method) {
                case "GET" -> showPage(request);
                case "POST" -> submitPage(request);
                default -> wrongMethod(method, "GET, POST");
            };
            case STYLESHEET -> method.equals("GET") ? new MockResponse(200,
                    Map.of("Content-Type", "text/css; charset=utf-8", "Cache-Control", "max-age=3600"), stylesheet)
                    : wrongMethod(method, "GET");
            case SESSION -> method.equals("GET") ? session(request) : wrongMethod(method, "GET");
            case RESET -> method.equals("POST") ? reset() : wrongMethod(method, "POST");
            default -> json(404, error("No mock-only endpoint " + request.path() + ". There are GET " + HOSTED_PAGE
                    + "?session_id=..., POST " + HOSTED_PAGE + ", GET " + SESSION + "?session_id=... and POST "
                    + RESET + " (see docs/paynet-mode.md)."));
        });
    }

    private MockResponse showPage(MockRequest request) {
        Optional<String> id = single(request, HostedPage.FIELD_SESSION);
        if (id.isEmpty()) {
            return html(400, page.developerError("400", "GET " + HOSTED_PAGE
                    + " needs ?session_id=<the session_id Auth returned>, given once."));
        }
        Optional<Session> session = store.find(id.get());
        Optional<MockResponse> unusable = unusable(session, id.get());
        if (unusable.isPresent()) {
            return unusable.get();
        }
        String typed = session.get().state() == SessionState.CARD_DESCRIBED ? session.get().cardDesc() : "";
        return html(200, page.form(id.get(), new HostedPage.FormState(typed, false, false, List.of())));
    }

    private MockResponse submitPage(MockRequest request) {
        String contentType = request.header("Content-Type").orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            return html(415, page.developerError("415", "POST " + HOSTED_PAGE + " takes the page's form as "
                    + FORM + " (got " + (contentType.isEmpty() ? "no Content-Type" : contentType) + ")."));
        }
        FormFields.Parsed parsed = FormFields.parse(request.body());
        if (parsed.form() == null) {
            return html(400, page.developerError("400", "POST " + HOSTED_PAGE + ": " + parsed.problem() + "."));
        }
        FormFields form = parsed.form();
        Optional<String> id = form.get(HostedPage.FIELD_SESSION).filter(value -> !value.isEmpty());
        if (id.isEmpty()) {
            return html(400, page.developerError("400", "POST " + HOSTED_PAGE
                    + " needs the form field session_id (the page's hidden field)."));
        }
        String action = form.get(HostedPage.FIELD_ACTION).orElse(HostedPage.ACTION_SAVE);
        if (!action.equals(HostedPage.ACTION_SAVE) && !action.equals(HostedPage.ACTION_DECLINE)) {
            return html(400, page.developerError("400", "POST " + HOSTED_PAGE + ": the field action must be "
                    + HostedPage.ACTION_SAVE + " or " + HostedPage.ACTION_DECLINE + "."));
        }
        Optional<MockResponse> unusable = unusable(store.find(id.get()), id.get());
        if (unusable.isPresent()) {
            return unusable.get();
        }
        if (action.equals(HostedPage.ACTION_DECLINE)) {
            SessionStore.Change change = store.declineHostedPage(id.get());
            return change.accepted() ? html(200, page.declined()) : refused(change.refusal());
        }
        String name = form.get(HostedPage.FIELD_NAME).orElse("").strip();
        boolean ticked = form.get(HostedPage.FIELD_AGREEMENT).isPresent();
        List<String> errors = new ArrayList<>();
        boolean nameInvalid = false;
        if (name.isEmpty()) {
            errors.add(texts.text("screen.errors.nameMissing"));
            nameInvalid = true;
        } else if (name.codePointCount(0, name.length()) > texts.cardNameMaxLength()) {
            errors.add(texts.text("screen.errors.nameTooLong"));
            nameInvalid = true;
        }
        if (!ticked) {
            errors.add(texts.text("screen.errors.confirmationMissing"));
        }
        if (!errors.isEmpty()) {
            return html(422, page.form(id.get(), new HostedPage.FormState(name, nameInvalid, !ticked, errors)));
        }
        SessionStore.Change change = store.completeHostedPage(id.get(), name);
        return change.accepted() ? html(200, page.saved(name)) : refused(change.refusal());
    }

    /** The page for a session the cardholder cannot use, if it is one. */
    private Optional<MockResponse> unusable(Optional<Session> session, String id) {
        if (session.isEmpty()) {
            return Optional.of(refused(Refusal.NO_SESSION));
        }
        SessionState state = session.get().stateAt(store.now());
        return switch (state) {
            case EXPIRED -> Optional.of(refused(Refusal.EXPIRED_SESSION));
            case CHARGED -> Optional.of(refused(Refusal.USED_SESSION));
            case CREATED -> Optional.of(refused(Refusal.NO_HOSTED_PAGE));
            default -> Optional.empty();
        };
    }

    private MockResponse refused(Refusal refusal) {
        return switch (refusal) {
            case EXPIRED_SESSION -> html(texts.sessionPageStatus(PaynetContract.EXPIRED_SESSION, 410),
                    page.sessionPage(PaynetContract.EXPIRED_SESSION));
            case NO_HOSTED_PAGE -> html(409, page.developerError("409", "This session has no card-naming step yet:"
                    + " call save_card without card_desc first (or Auth with save_card true and no card_desc)."));
            case USED_SESSION -> html(texts.sessionPageStatus(PaynetContract.USED_SESSION, 409),
                    page.sessionPage(PaynetContract.USED_SESSION));
            default -> html(texts.sessionPageStatus(PaynetContract.UNKNOWN_SESSION, 404),
                    page.sessionPage(PaynetContract.UNKNOWN_SESSION));
        };
    }

    private MockResponse session(MockRequest request) {
        Optional<String> id = single(request, HostedPage.FIELD_SESSION);
        if (id.isEmpty()) {
            return json(400, error("GET " + SESSION
                    + " needs ?session_id=<the session_id Auth returned>, given once."));
        }
        Optional<Session> session = store.find(id.get());
        if (session.isEmpty()) {
            return json(404, error("No session with that session_id: it never came from Auth, or was reset or"
                    + " pushed out by newer sessions."));
        }
        SessionView view = SessionView.of(session.get(), store.now());
        ObjectNode body = JSON.createObjectNode();
        body.put("session_id", view.sessionId());
        body.put("state", view.state().jsonName());
        body.put("card_desc", view.cardDesc().orElse(null));
        body.put("expires_at", view.expiresAt().toString());
        body.put("amount", view.amount());
        if (view.storedCard().isPresent()) {
            body.putObject("stored_card")
                    .put("card_owner_id", view.storedCard().get().cardOwnerId())
                    .put("card_desc", view.storedCard().get().cardDesc())
                    .put("card_hash", view.storedCard().get().cardHash());
        } else {
            body.putNull("stored_card");
        }
        return json(200, body);
    }

    private MockResponse reset() {
        reset.run();
        return new MockResponse(204, Map.of("Cache-Control", "no-store"), new byte[0]);
    }

    private MockResponse wrongMethod(String method, String allowed) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Allow", allowed);
        headers.put("Content-Type", JSON_TYPE);
        return new MockResponse(405, headers, write(error(method + " is not allowed here; use " + allowed + ".")));
    }

    private static Optional<String> single(MockRequest request, String name) {
        List<String> values = request.query().getOrDefault(name, List.of());
        return values.size() == 1 && !values.get(0).isEmpty() ? Optional.of(values.get(0)) : Optional.empty();
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static MockResponse html(int status, String document) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", HTML);
        headers.put("Cache-Control", "no-store");
        headers.put("Content-Security-Policy", PAGE_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        return new MockResponse(status, headers, document.getBytes(StandardCharsets.UTF_8));
    }

    private static MockResponse json(int status, ObjectNode body) {
        return new MockResponse(status, Map.of("Content-Type", JSON_TYPE, "Cache-Control", "no-store"), write(body));
    }

    private static byte[] write(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("Cannot write JSON", impossible);
        }
    }

    private static byte[] readStylesheet() {
        try (InputStream in = PaynetEndpoints.class.getResourceAsStream(STYLESHEET_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The hosted page's stylesheet is missing from the jar: "
                        + STYLESHEET_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
