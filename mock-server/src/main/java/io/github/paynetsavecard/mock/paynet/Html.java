package io.github.paynetsavecard.mock.paynet;

/** Escaping for everything the hosted page echoes, in text and in double-quoted attributes alike. */
final class Html {
    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Paragraphs of {@code text}: blank lines separate them, single line breaks are spaces. */
    static String paragraphs(String text) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            out.append("<p>").append(escape(paragraph.strip().replaceAll("\\s*\\n\\s*", " "))).append("</p>\n");
        }
        return out.toString();
    }
}
