package io.github.paynetsavecard.spec.index;

import io.github.paynetsavecard.spec.SchemaValidator.CompiledSchema;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of one location ({@code path}, {@code query}, {@code header}), validated together as one object,
 * which is how Prism reports them ({@code ["query"]} for a missing one, {@code ["query","limit"]} for a bad one).
 *
 * @param location  {@code path}, {@code query} or {@code header}
 * @param parameters the parameters
 * @param validator  an object schema with one property per parameter; empty when there are no parameters
 */
public record ParameterGroup(String location, List<Parameter> parameters, Optional<CompiledSchema> validator) {
    /**
     * Checks the components: no component may be null; collections are copied, so the value never changes under its
     * user.
     *
     * @param location   {@code path}, {@code query} or {@code header}; not null
     * @param parameters the parameters; not null, copied
     * @param validator  the object schema over all of them, or empty; not null
     */
    public ParameterGroup {
        Objects.requireNonNull(location, "location == null");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(validator, "validator == null");
    }

    /**
     * A group with no parameters.
     *
     * @param location {@code path}, {@code query} or {@code header}; not null
     * @return a group with no parameters and no validator, which every request passes
     */
    public static ParameterGroup empty(String location) {
        return new ParameterGroup(location, List.of(), Optional.empty());
    }
}
