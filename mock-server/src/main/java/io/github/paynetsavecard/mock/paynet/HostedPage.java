package io.github.paynetsavecard.mock.paynet;

import java.util.List;

/**
 * The HTML of the cardholder's page: the card-name field, the agreement and the "Okudum, anladım" box in one
 * form that works without JavaScript; every text from {@link HostedPageTexts}, everything echoed escaped.
 */
final class HostedPage {
    static final String FIELD_SESSION = "session_id";
    static final String FIELD_NAME = "card_desc";
    static final String FIELD_AGREEMENT = "agreement";
    static final String FIELD_ACTION = "action";
    static final String ACTION_SAVE = "save";
    static final String ACTION_DECLINE = "decline";
    static final String AGREEMENT_ACCEPTED = "accepted";

    private final HostedPageTexts texts;
    private final String formPath;
    private final String stylesheetPath;

    HostedPage(HostedPageTexts texts, String formPath, String stylesheetPath) {
        this.texts = texts;
        this.formPath = formPath;
        this.stylesheetPath = stylesheetPath;
    }

    /** What a form shows again after a failed submit: the typed name and the errors. */
    record FormState(String typedName, boolean nameInvalid, boolean agreementInvalid, List<String> errors) {
        static final FormState EMPTY = new FormState("", false, false, List.of());
    }

    String form(String sessionId, FormState state) {
        String name = texts.text("screen.cardNameField.label");
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(Html.escape(texts.text("screen.title"))).append("</h1>\n");
        body.append("<p class=\"intro\">").append(Html.escape(texts.text("screen.intro"))).append("</p>\n");
        if (!state.errors().isEmpty()) {
            body.append("<div class=\"errors\" role=\"alert\" id=\"form-errors\">\n<ul>\n");
            state.errors().forEach(error -> body.append("<li>").append(Html.escape(error)).append("</li>\n"));
            body.append("</ul>\n</div>\n");
        }
        body.append("<form method=\"post\" action=\"").append(Html.escape(formPath))
                .append("\" accept-charset=\"UTF-8\">\n");
        body.append("<input type=\"hidden\" name=\"").append(FIELD_SESSION).append("\" value=\"")
                .append(Html.escape(sessionId)).append("\">\n");
        body.append("<div class=\"field\">\n<label for=\"card-name\">").append(Html.escape(name)).append("</label>\n");
        body.append("<input id=\"card-name\" name=\"").append(FIELD_NAME).append("\" type=\"text\" maxlength=\"")
                .append(texts.cardNameMaxLength()).append("\" autocomplete=\"off\" value=\"")
                .append(Html.escape(state.typedName())).append("\" aria-describedby=\"card-name-hint")
                .append(state.errors().isEmpty() ? "" : " form-errors").append('"')
                .append(state.nameInvalid() ? " aria-invalid=\"true\"" : "").append(">\n");
        body.append("<p class=\"hint\" id=\"card-name-hint\">")
                .append(Html.escape(texts.text("screen.cardNameField.hint"))).append("</p>\n</div>\n");
        body.append("<section class=\"agreement\" aria-labelledby=\"agreement-title\">\n<h2 id=\"agreement-title\">")
                .append(Html.escape(texts.text("screen.agreement.title"))).append("</h2>\n");
        // Focusable, so that keyboard users can scroll a long agreement.
        body.append("<div class=\"agreement-text\" tabindex=\"0\" aria-labelledby=\"agreement-title\">\n")
                .append(Html.paragraphs(texts.text("screen.agreement.text"))).append("</div>\n");
        texts.agreementUrl().ifPresent(url -> body.append("<p><a href=\"").append(Html.escape(url)).append("\">")
                .append(Html.escape(texts.text("screen.agreement.title"))).append("</a></p>\n"));
        body.append("</section>\n");
        body.append("<div class=\"confirmation").append(state.agreementInvalid() ? " invalid" : "").append("\">\n");
        body.append("<input type=\"checkbox\" id=\"agreement\" name=\"").append(FIELD_AGREEMENT).append("\" value=\"")
                .append(AGREEMENT_ACCEPTED).append('"')
                .append(state.agreementInvalid() ? " aria-invalid=\"true\" aria-describedby=\"form-errors\"" : "")
                .append(">\n<label for=\"agreement\">").append(Html.escape(texts.text("screen.confirmation.label")))
                .append("</label>\n</div>\n");
        // The first submit button is the one Enter in the name field presses: saving, not declining.
        body.append("<div class=\"actions\">\n<button type=\"submit\" class=\"primary\" name=\"").append(FIELD_ACTION)
                .append("\" value=\"").append(ACTION_SAVE).append("\">")
                .append(Html.escape(texts.text("screen.submitButton"))).append("</button>\n<button type=\"submit\" class=\"secondary\" name=\"").append(FIELD_ACTION)
                .append("\" value=\"").append(ACTION_DECLINE).append("\">")
                .append(Html.escape(texts.text("screen.declineButton"))).append("</button>\n</div>\n</form>\n");
        return document(texts.text("screen.title"), body.toString());
    }

    String saved(String cardName) {
        return message(texts.text("screen.afterSubmit.title"), texts.text("screen.afterSubmit.text"),
                "<p class=\"saved-name\"><span>" + Html.escape(texts.text("screen.cardNameField.label"))
                        + ":</span> <strong id=\"saved-name\">" + Html.escape(cardName) + "</strong></p>\n");
    }

    String declined() {
        return message(texts.text("screen.afterDecline.title"), texts.text("screen.afterDecline.text"), "");
    }

    /** The page for a session the cardholder cannot use: {@code key} is unknownSession or expiredSession. */
    String sessionPage(String key) {
        return message(texts.text("screen.sessionPages." + key + ".title"),
                texts.text("screen.sessionPages." + key + ".text"), "");
    }

    /** A page for a developer's mistake (a missing parameter, a wrong method): not a cardholder's text. */
    String developerError(String title, String detail) {
        return document(title, "<h1>" + Html.escape(title) + "</h1>\n<p class=\"developer\" lang=\"en\">"
                + Html.escape(detail) + "</p>\n");
    }

    private String message(String title, String text, String extra) {
        return document(title, "<h1>" + Html.escape(title) + "</h1>\n<p>" + Html.escape(text) + "</p>\n" + extra);
    }

    private String document(String title, String main) {
        return "<!DOCTYPE html>\n<html lang=\"" + Html.escape(texts.language()) + "\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + "</title>\n<link rel=\"stylesheet\" href=\""
                + Html.escape(stylesheetPath) + "\">\n</head>\n<body>\n<main class=\"panel\">\n" + main
                + "</main>\n<footer lang=\"en\">paynet-mock-server: a local stand-in for Paynet's card-storage"
                + " screen</footer>\n"
                + "</body>\n</html>\n";
    }
}
