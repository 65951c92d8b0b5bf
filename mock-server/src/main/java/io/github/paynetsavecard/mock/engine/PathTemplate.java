package io.github.paynetsavecard.mock.engine;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A spec path such as {@code /users/{id}}, matched segment by segment like Prism's router: the request must have
 * the same number of segments, literal segments must be equal after percent-decoding, and a templated segment
 * matches anything.
 */
final class PathTemplate {
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final String template;
    private final List<Segment> segments;

    private PathTemplate(String template, List<Segment> segments) {
        this.template = template;
        this.segments = segments;
    }

    static PathTemplate of(String template) {
        List<Segment> segments = new ArrayList<>();
        for (String part : fragments(template)) {
            segments.add(Segment.of(part));
        }
        return new PathTemplate(template, List.copyOf(segments));
    }

    String template() {
        return template;
    }

    /** How well the request path matches, or empty when it does not. */
    Optional<Match> match(List<String> requestFragments) {
        if (requestFragments.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        boolean templated = false;
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            String fragment = requestFragments.get(i);
            if (segment.pattern() == null) {
                if (!segment.literal().equals(fragment)) {
                    return Optional.empty();
                }
                continue;
            }
            Matcher matcher = segment.pattern().matcher(fragment);
            if (!matcher.find()) {
                return Optional.empty();
            }
            for (int group = 0; group < segment.names().size(); group++) {
                parameters.put(segment.names().get(group), matcher.group(group + 1));
            }
            templated = true;
        }
        return Optional.of(new Match(templated, Map.copyOf(parameters)));
    }

    /** Prism's score for ordering candidate paths: equal segments count 1, templated segments 0.5. */
    double score(List<String> requestFragments) {
        double score = 0;
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            String fragment = i < requestFragments.size() ? requestFragments.get(i) : null;
            if (segment.raw().equals(fragment)) {
                score++;
            } else if (segment.pattern() != null) {
                score += 0.5;
            } else {
                break;
            }
        }
        return score;
    }

    /** The percent-decoded segments of a path that starts with {@code /}. */
    static List<String> fragments(String path) {
        String[] parts = path.substring(1).split("/", -1);
        List<String> fragments = new ArrayList<>(parts.length);
        for (String part : parts) {
            fragments.add(decode(part));
        }
        return fragments;
    }

    private static String decode(String fragment) {
        try {
            return URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return fragment; // as decodeURIComponent's failure in Prism: keep the raw text
        }
    }

    record Match(boolean templated, Map<String, String> parameters) {
    }

    private record Segment(String raw, String literal, Pattern pattern, List<String> names) {
        static Segment of(String fragment) {
            Matcher variables = VARIABLE.matcher(fragment);
            if (!variables.find()) {
                return new Segment(fragment, fragment, null, List.of());
            }
            StringBuilder regex = new StringBuilder();
            List<String> names = new ArrayList<>();
            int last = 0;
            variables.reset();
            while (variables.find()) {
                regex.append(Pattern.quote(fragment.substring(last, variables.start()))).append("(.*)");
                names.add(variables.group(1));
                last = variables.end();
            }
            regex.append(Pattern.quote(fragment.substring(last)));
            return new Segment(fragment, fragment, Pattern.compile(regex.toString()), List.copyOf(names));
        }
    }
}
