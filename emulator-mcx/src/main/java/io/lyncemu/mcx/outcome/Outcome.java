package io.lyncemu.mcx.outcome;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of an operation: a value, or a refusal of type {@code R} that the protocol's codec
 * renders as its error answer. Immutable.
 *
 * @param <T> the value of a successful operation
 * @param <R> the refusal (e.g. an MCX or UCWA error code with its reason)
 */
public sealed interface Outcome<T, R> permits Outcome.Ok, Outcome.Refused {

  /** The operation succeeded with {@code value}. */
  record Ok<T, R>(T value) implements Outcome<T, R> {
    public Ok {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The operation was refused. */
  record Refused<T, R>(R refusal) implements Outcome<T, R> {
    public Refused {
      Objects.requireNonNull(refusal, "refusal");
    }
  }

  static <T, R> Outcome<T, R> ok(T value) {
    return new Ok<>(value);
  }

  static <T, R> Outcome<T, R> refused(R refusal) {
    return new Refused<>(refusal);
  }

  default boolean isOk() {
    return this instanceof Ok;
  }

  /** The value; throws {@link IllegalStateException} naming the refusal when there is none. */
  default T value() {
    if (this instanceof Ok<T, R> ok) {
      return ok.value();
    }
    throw new IllegalStateException("refused: " + ((Refused<T, R>) this).refusal());
  }

  /** The refusal; throws {@link IllegalStateException} when the operation succeeded. */
  default R refusal() {
    if (this instanceof Refused<T, R> refused) {
      return refused.refusal();
    }
    throw new IllegalStateException("the operation succeeded");
  }

  default <U> Outcome<U, R> map(Function<? super T, ? extends U> mapper) {
    if (this instanceof Ok<T, R> ok) {
      return new Ok<>(mapper.apply(ok.value()));
    }
    return new Refused<>(((Refused<T, R>) this).refusal());
  }
}
