package io.github.paynetsavecard.mock.paynet;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Looks up an enum constant by its command-line spelling, forgiving case and {@code _} for {@code -}. */
final class FlagNames {
    private FlagNames() {
    }

    static <E extends Enum<E>> Optional<E> find(E[] values, Function<E, String> flag, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values).filter(value -> flag.apply(value).equals(wanted)).findFirst();
    }
}
