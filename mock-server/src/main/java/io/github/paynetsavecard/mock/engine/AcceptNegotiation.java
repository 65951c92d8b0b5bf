package io.github.paynetsavecard.mock.engine;

import io.github.paynetsavecard.spec.index.Content;
import io.github.paynetsavecard.spec.index.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Content negotiation on {@code Accept} as Prism does it with the {@code accepts}/{@code negotiator} packages:
 * each declared media type gets the best-matching accepted range (exact type beats {@code type/*} beats
 * {@code *}{@code /*}; parameters must match), the declared types are ranked by quality, then specificity, then
 * the order of the ranges, then declaration order; quality 0 excludes. When nothing matches and a range has
 * parameters other than {@code q}, Prism tries again without them.
 */
final class AcceptNegotiation {
    /** What Prism negotiates with when there is no {@code Accept} header: JSON, else anything. */
    private static final List<Range> WITHOUT_ACCEPT = List.of(Range.parse("application/json", 0).orElseThrow(),
            Range.parse("*/*", 1).orElseThrow());

    private AcceptNegotiation() {
    }

    /** The declared content for a request without {@code Accept}: JSON, else the first of any type. */
    static Optional<Content> bestWithoutAccept(List<Content> contents) {
        return bestFor(contents, WITHOUT_ACCEPT);
    }

    /** The declared content that best satisfies {@code accept} (the header's comma-separated ranges). */
    static Optional<Content> best(List<Content> contents, List<String> accept) {
        List<Range> ranges = new ArrayList<>();
        for (int i = 0; i < accept.size(); i++) {
            Range.parse(accept.get(i), i).ifPresent(ranges::add);
        }
        Optional<Content> best = bestFor(contents, ranges);
        if (best.isPresent()) {
            return best;
        }
        List<Range> withoutParameters = ranges.stream().filter(range -> !range.parameters().isEmpty())
                .map(range -> new Range(range.type(), range.subtype(), Map.of(), range.q(), range.order())).toList();
        return withoutParameters.isEmpty() ? Optional.empty() : bestFor(contents, withoutParameters);
    }

    private static Optional<Content> bestFor(List<Content> contents, List<Range> ranges) {
        List<Priority> priorities = new ArrayList<>();
        for (int index = 0; index < contents.size(); index++) {
            // The spec's media types were parsed once, by the index.
            Optional<Range> declared = contents.get(index).type().map(Range::declared);
            if (declared.isEmpty()) {
                continue;
            }
            Priority best = null;
            for (Range range : ranges) {
                Optional<Priority> priority = specify(declared.get(), range, index);
                if (priority.isPresent() && (best == null || better(priority.get(), best))) {
                    best = priority.get();
                }
            }
            if (best != null && best.q() > 0) {
                priorities.add(best);
            }
        }
        return priorities.stream()
                .min(Comparator.comparingDouble(Priority::q).reversed()
                        .thenComparing(Comparator.comparingInt(Priority::specificity).reversed())
                        .thenComparingInt(Priority::order)
                        .thenComparingInt(Priority::index))
                .map(priority -> contents.get(priority.index()));
    }

    private static boolean better(Priority candidate, Priority current) {
        if (candidate.specificity() != current.specificity()) {
            return candidate.specificity() > current.specificity();
        }
        if (candidate.q() != current.q()) {
            return candidate.q() > current.q();
        }
        return candidate.order() > current.order(); // negotiator keeps the later range on a tie
    }

    private static Optional<Priority> specify(Range declared, Range range, int index) {
        int specificity = 0;
        if (range.type().equals(declared.type())) {
            specificity |= 4;
        } else if (!range.type().equals("*")) {
            return Optional.empty();
        }
        if (range.subtype().equals(declared.subtype())) {
            specificity |= 2;
        } else if (!range.subtype().equals("*")) {
            return Optional.empty();
        }
        if (!range.parameters().isEmpty()) {
            boolean all = range.parameters().entrySet().stream().allMatch(parameter -> parameter.getValue().equals("*")
                    || parameter.getValue().equalsIgnoreCase(declared.parameters().getOrDefault(parameter.getKey(), "")));
            if (!all) {
                return Optional.empty();
            }
            specificity |= 1;
        }
        return Optional.of(new Priority(index, range.order(), range.q(), specificity));
    }

    private record Priority(int index, int order, double q, int specificity) {
    }

    private record Range(String type, String subtype, Map<String, String> parameters, double q, int order) {
        static Range declared(MediaType type) {
            return new Range(type.type(), type.fullSubtype(), type.parameters(), 1, 0);
        }

        static Optional<Range> parse(String text, int order) {
            String[] parts = text.trim().split(";", -1);
            String[] essence = parts[0].trim().toLowerCase(Locale.ROOT).split("/", -1);
            if (essence.length != 2 || essence[0].isEmpty() || essence[1].isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String[] pair = parts[i].trim().split("=", 2);
                if (pair.length != 2) {
                    continue;
                }
                String key = pair[0].trim().toLowerCase(Locale.ROOT);
                String value = pair[1].trim().replaceAll("^\"|\"$", "");
                if (key.equals("q")) {
                    try {
                        q = Double.parseDouble(value);
                    } catch (NumberFormatException notANumber) {
                        q = 0;
                    }
                } else {
                    parameters.put(key, value);
                }
            }
            return Optional.of(new Range(essence[0], essence[1], Map.copyOf(parameters), q, order));
        }
    }
}
