/**
 * Build-time code of api-spec, compiled from {@code src/gate/java} into {@code target/gate-classes} and never
 * packaged into the api-spec jar: the spec check ({@link io.github.paynetsavecard.spec.gate.SpecCheck}, run by
 * api-spec's build) and the breaking-change gate ({@link io.github.paynetsavecard.spec.gate.SpecGate}, run by
 * generated-client's build, where both generated clients exist). See docs/spec.md.
 */
package io.github.paynetsavecard.spec.gate;
